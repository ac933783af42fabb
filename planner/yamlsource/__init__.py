"""Safe YAML loading: positions of every key and value, duplicates refused, and syntax
errors explained in plain words with the line quoted and a fix."""

from planner.yamlsource.loader import MAX_NODES, Document, LineList, LineMap, Spot, load_documents

__all__ = ["MAX_NODES", "Document", "LineList", "LineMap", "Spot", "load_documents"]
