"""Reading ticked plans back (PDF, Markdown, YAML) and re-planning what is left."""
