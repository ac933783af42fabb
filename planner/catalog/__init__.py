"""Stage 2: the catalog of study items from content/: loading, checks, placement quiz."""
