"""The Anki deck on the web page: offered in the download list, sent by the real server."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

from planner.catalog.model import Catalog
from planner.pipeline import make_plan
from planner.profile.validate import validate
from planner.render.anki import render_anki
from planner.web import create_app
from tests.test_render_anki import open_deck
from tests.test_web import PROFILE, TODAY, form, serving


def test_the_form_offers_the_deck_and_the_summary_its_download(small_catalog: Catalog) -> None:
    client = create_app(small_catalog, clock=lambda: TODAY).test_client()
    page = client.get("/").get_data(as_text=True)
    assert 'name="formats" type="checkbox" value="anki" checked>' in page
    assert '<span class="title">Anki deck</span>' in page
    summary = client.post("/", data=form(formats=["pdf", "anki"])).get_data(as_text=True)
    assert 'formaction="/api/plan?format=anki"' in summary and "Download Anki deck" in summary
    assert "in Anki, choose File &gt; Import" in summary  # how to use it, beside the button
    unticked = client.post("/", data=form(formats=["pdf"])).get_data(as_text=True)
    assert "Download Anki deck" not in unticked and "File &gt; Import" not in unticked


def test_the_real_server_sends_the_plans_deck(catalog: Catalog, tmp_path: Path) -> None:
    with serving(catalog, 2) as port:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/plan?format=anki",
            json.dumps(PROFILE).encode(),
            {"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            data, headers = response.read(), response.headers
    assert headers["Content-Type"] == "application/octet-stream"
    assert headers["Content-Disposition"] == 'attachment; filename="ada-lovelace.apkg"'
    profile, problems = validate(PROFILE, catalog)
    assert profile is not None, problems
    plan = make_plan(profile, TODAY, catalog)
    assert data == render_anki(plan)  # the plan of that day, as `build --format anki` writes it
    assert len(open_deck(data, tmp_path).notes) == len(plan.self_checks) > 100
