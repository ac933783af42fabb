"""The PDF renderer: ReportLab document, pages, fonts and flowables."""
