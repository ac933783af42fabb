"""`python -m planner` runs the `studyplan` command."""

from planner.cli import entry

entry()
