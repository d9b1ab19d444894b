"""Reports: one report model built from data, rendered to DOCX, PDF, HTML and Markdown."""
