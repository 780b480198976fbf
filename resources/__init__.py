"""Icons, fonts, the sRGB colour profile and translations: no code. The build installs this
folder as the package nacka_desktop.resources (pyproject.toml), so they are found by that name
wherever the app runs; read them through nacka_desktop.resource_files."""
