"""Safe YAML loading: positions of every key and value, duplicates refused, limits on what a
document from outside may hold, and syntax errors explained in plain words with the line
quoted and a fix."""

from planner.yamlsource.bounded import LIMITS, LargeNumber, Limits, bounded_int
from planner.yamlsource.loader import (
    Document,
    LineList,
    LineMap,
    Spot,
    load_document,
    load_documents,
)

__all__ = [
    "LIMITS",
    "Document",
    "LargeNumber",
    "LineList",
    "LineMap",
    "Limits",
    "Spot",
    "bounded_int",
    "load_document",
    "load_documents",
]
