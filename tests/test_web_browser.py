"""End to end in a real headless Chromium: fill the form, read the summary, download the PDF.

Needs Debian's chromium (`apt-get install -y chromium`); Playwright drives it, never
`playwright install`. `pytest --update-golden` also rewrites docs/web-form.png.
"""

from __future__ import annotations

import os
import queue
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import zipfile
from collections.abc import Iterator
from contextlib import closing
from io import BytesIO
from pathlib import Path

import pytest
import yaml
from PIL import Image
from pypdf import PdfReader

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "web-form.png"
DESKTOP = {"width": 960, "height": 860}
PHONE = {"width": 390, "height": 860}


def studyplan() -> list[str]:
    script = Path(sys.executable).with_name("studyplan")
    return [str(script)] if script.exists() else [sys.executable, "-m", "planner"]


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    """The real `studyplan serve` on a free port of 127.0.0.1; its printed address."""
    proc = subprocess.Popen(
        [*studyplan(), "serve", "--host", "127.0.0.1", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(
        target=lambda: lines.put(proc.stdout.readline() if proc.stdout else ""), daemon=True
    ).start()
    try:
        first = lines.get(timeout=60)
        match = re.search(r"http://127\.0\.0\.1:\d+/", first)
        assert match, f"serve printed no address: {first!r} {proc.stderr and proc.stderr.read()}"
        yield match.group(0)
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def system_browser() -> str | None:
    """A Chromium-family browser on this machine: $STUDYPLAN_CHROMIUM, else on the PATH."""
    chosen = os.environ.get("STUDYPLAN_CHROMIUM")
    if chosen:
        return chosen if Path(chosen).exists() else None
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


@pytest.fixture(scope="module")
def browser():
    executable = system_browser()
    if executable is None:
        reason = "no Chromium browser found (apt-get install chromium, or set STUDYPLAN_CHROMIUM)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the browser tests: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    yield context.new_page()
    context.close()


def download(page, button: str, folder: Path) -> Path:
    """Press a download button; the file saved in folder under the name the server gave."""
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    saved = folder / info.value.suggested_filename
    info.value.save_as(saved)
    return saved


def test_fill_submit_and_download_the_pdf(page, server_url: str, tmp_path: Path) -> None:
    page.goto(server_url)
    page.get_by_label("Your name").fill("Ada Lovelace")
    page.keyboard.press("Tab")  # into the goal radio group, on the checked default
    page.keyboard.press("ArrowDown")  # arrow keys move the choice, as in any radio group
    assert page.locator("#f-goal-2").is_checked()
    page.locator('label[for="f-background-math-4"]').click()
    page.get_by_label("Hours per week you can study").fill("10")
    page.locator('input[name="interests"][value="rag"]').check()
    budget = page.locator("#f-budget")  # asked with the time it goes with, its hint beside it
    part = page.locator("section.part", has=budget).get_by_role("heading", level=2)
    assert part.inner_text() == "Your time and budget"
    assert "free means no task costs money" in budget.locator(".help").inner_text()
    page.locator('input[name="budget"][value="free"]').check()
    page.get_by_role("button", name="Make my plan").click()

    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Your plan, Ada Lovelace"
    assert page.locator(".lead").inner_text().endswith("; budget: free routes only.")
    assert page.get_by_role("heading", name="Why your plan looks like this").is_visible()
    assert page.locator(".reasons li").count() > 0
    saved = download(page, "Download PDF", tmp_path)
    assert saved.name == "ada-lovelace.pdf"
    reader = PdfReader(saved)
    assert saved.read_bytes().startswith(b"%PDF") and len(reader.pages) > 1
    assert "Ada Lovelace" in reader.pages[0].extract_text()
    embedded = yaml.safe_load(reader.attachments["profile.yaml"][0])
    assert embedded["goal"] == "llm-applications" and embedded["hours_per_week"] == 10
    assert embedded["background"]["math"] == 3 and embedded["interests"] == ["rag"]
    assert embedded["budget"] == "free"


def test_download_the_anki_deck(page, server_url: str, tmp_path: Path) -> None:
    page.goto(server_url)
    page.get_by_label("Your name").fill("Ada Lovelace")
    page.get_by_role("button", name="Make my plan").click()
    assert "File > Import" in page.locator("#anki-help").inner_text()
    saved = download(page, "Download Anki deck", tmp_path)
    assert saved.name == "ada-lovelace.apkg"
    with zipfile.ZipFile(saved) as archive:
        (tmp_path / "collection.anki2").write_bytes(archive.read("collection.anki2"))
    with closing(sqlite3.connect(tmp_path / "collection.anki2")) as db:
        [(notes,)] = db.execute("SELECT count(*) FROM notes").fetchall()
        [(decks,)] = db.execute("SELECT decks FROM col").fetchall()
    assert notes > 100  # the questions of the plan's items
    assert "Study plan for Ada Lovelace" in decks


def test_an_invalid_value_is_shown_next_to_its_field(page, server_url: str) -> None:
    page.goto(server_url)
    page.get_by_label("Your name").fill("Grace 李")
    page.get_by_label("Hours per week you can study").fill("0")
    page.get_by_role("button", name="Make my plan").click()

    error = page.locator("#f-hours-per-week-error")
    assert " ".join(error.inner_text().split()) == (
        "Error: 0 is too small; write a number of hours from 1 to 60."
    )
    hours = page.locator("#f-hours-per-week")
    assert "f-hours-per-week-error" in (hours.get_attribute("aria-describedby") or "")
    assert hours.get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Your name").input_value() == "Grace 李"  # other answers kept
    page.get_by_role("link", name="Hours per week you can study").click()
    assert page.evaluate("location.hash") == "#f-hours-per-week"


def test_focus_is_visible_and_the_page_fits_a_phone(page, server_url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(server_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.keyboard.press("Tab")  # the skip link comes first
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert style == "solid"


def screenshot(page) -> bytes:
    """A screenshot; headless Chromium under load sometimes answers "Unable to capture
    screenshot" before its first frame is composited, so wait for a frame and retry."""
    from playwright.sync_api import Error

    for attempt in range(3):
        try:
            return page.screenshot()
        except Error:
            if attempt == 2:
                raise
            page.wait_for_timeout(500)
    raise AssertionError("unreachable")


def test_screenshot_for_the_readme(
    browser, server_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """The form on a desktop beside the summary on a phone; LOOK at it after updating."""
    shots = []
    for viewport, fill in ((DESKTOP, False), (PHONE, True)):
        context = browser.new_context(viewport=viewport, device_scale_factor=1)
        page = context.new_page()
        page.goto(server_url)
        if fill:
            page.get_by_label("Your name").fill("Ada Lovelace")
            page.get_by_role("button", name="Make my plan").click()
        shots.append(Image.open(BytesIO(screenshot(page))))
        context.close()
    gap = 24
    width = sum(s.width for s in shots) + gap * (len(shots) + 1)
    height = max(s.height for s in shots) + 2 * gap
    sheet = Image.new("RGB", (width, height), (214, 222, 232))
    x = gap
    for shot in shots:
        sheet.paste(shot, (x, gap))
        x += shot.width + gap
    sheet = sheet.quantize(colors=128)  # flat UI colours: a palette keeps the file small
    target = SCREENSHOT if request.config.getoption("--update-golden") else tmp_path / "shot.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(target, optimize=True)
    assert target.stat().st_size < 300_000
    assert Image.open(target).size == (width, height)


def tab_to(page, test: str, limit: int = 400) -> None:
    """Press Tab until the focused element passes test (a JavaScript expression)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {test})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached {test}")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_placement_quiz_by_keyboard_alone(browser, server_url: str, viewport) -> None:
    """Keyboard only: rate math 0, take the math quiz right, get level 4 offered and chosen,
    then make the plan; no request fails (the favicon included), nothing scrolls sideways."""
    from planner.catalog.load import content_dir
    from planner.catalog.quiz import load_quiz

    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: failed.append(m.text) if m.type == "error" else None)
    try:
        page.goto(server_url)
        tab_to(page, "el.name === 'name'")
        page.keyboard.type("Ada Lovelace")
        tab_to(page, "el.name === 'background.math'")
        page.keyboard.press("ArrowUp")
        page.keyboard.press("ArrowUp")  # from the default 2 to 0
        tab_to(page, "el.tagName === 'SUMMARY' && el.textContent.includes('placement quiz')")
        page.keyboard.press("Enter")  # opens the quiz
        for question in load_quiz(content_dir() / "quiz.yaml")["math"]:
            tab_to(page, f"el.name === 'quiz.{question.id}'")
            page.keyboard.press("Space")
            for _ in range(question.answer):
                page.keyboard.press("ArrowDown")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        tab_to(page, "el.textContent === 'Make my plan'")
        with page.expect_navigation():  # the next page, not the one still showing
            page.keyboard.press("Enter")
        notice = page.locator("#f-background-math-notice")
        assert notice.inner_text().startswith(
            "The quiz suggests Math level 4 · graduate; you rated yourself 0 · none."
        )
        assert page.locator("#f-background-math-5").is_checked()  # level 4, chosen
        assert page.locator(".feedback").first.inner_text().startswith("Right. ")
        tab_to(page, "el.textContent === 'Make my plan'")
        with page.expect_navigation():  # the next page, not the one still showing
            page.keyboard.press("Enter")
        assert page.get_by_role("heading", level=1).inner_text() == "Your plan, Ada Lovelace"
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    finally:
        context.close()
    assert failed == []
