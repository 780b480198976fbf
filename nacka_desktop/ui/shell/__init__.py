"""The shell: the main window, the application and its controller, settings, language,
undo and edits, the Problems panel and search, background work, crash reports."""
