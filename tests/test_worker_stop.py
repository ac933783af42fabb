"""A batch worker told to stop (SIGTERM: the pool ends, Ctrl-C, the parent died) exits 143
at once, leaving no temporary file and printing nothing, wherever the signal lands: also
inside ReportLab, whose bare `except:` re-raised an exit with a note ("handle_pageBegin
args=()" on stderr) or could swallow it and leave the worker running."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent(
    """
    import os, signal, sys
    from datetime import date
    from pathlib import Path

    from reportlab.platypus import doctemplate

    from planner.batch.worker import exit_on_term
    from planner.catalog.load import load_catalog
    from planner.output import stage
    from planner.pipeline import make_plan
    from planner.profile.validate import validate
    from planner.render import render

    signal.signal(signal.SIGTERM, exit_on_term)
    staged = stage({Path(sys.argv[1]) / "plan.md": b"half of a plan"})  # a write under way
    begin = doctemplate.BaseDocTemplate.handle_pageBegin

    def page_begin(doc):  # the stop arrives while ReportLab starts page 2
        if doc.page == 1:
            os.kill(os.getpid(), signal.SIGTERM)
        begin(doc)

    doctemplate.BaseDocTemplate.handle_pageBegin = page_begin
    catalog = load_catalog()
    profile, _ = validate(
        {"name": "Ada", "goal": "llm-engineer", "hours_per_week": 8,
         "background": {"math": 1, "python": 1, "ml": 1}},
        catalog,
    )
    render(make_plan(profile, date(2027, 1, 4), catalog), "pdf")
    print("the worker went on after the stop")
    """
)


def test_a_stopped_worker_exits_143_silently_and_leaves_no_temporary_file(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert (done.returncode, done.stdout, done.stderr) == (143, "", "")
    assert list(tmp_path.iterdir()) == []
