"""The local web page: fill in the questionnaire in a browser, download the plan."""

from __future__ import annotations

from planner.web.app import create_app

__all__ = ["create_app"]
