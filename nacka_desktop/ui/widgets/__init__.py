"""Widgets and table models every feature uses: date fields and validated forms, the PDF
preview, the appointment, problem and search tables."""
