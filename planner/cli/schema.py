"""Print the profile's JSON Schema, for editor autocompletion and checks.

For VS Code with the YAML extension, save it and add to the top of a profile:
  # yaml-language-server: $schema=studyplan.schema.json
"""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # no options


def run(args: argparse.Namespace) -> int:
    import json

    from planner.catalog.load import load_catalog
    from planner.profile.schema import profile_schema

    print(json.dumps(profile_schema(load_catalog()), indent=2, ensure_ascii=False))
    return 0
