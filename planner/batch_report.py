"""The batch report: one row per profile document, as CSV and JSON, written atomically."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from planner.batch_worker import Outcome
from planner.output import write_atomic

COLUMNS = ("source", "document", "line", "status", "outputs", "weeks", "total_hours", "error")


def row_of(outcome: Outcome) -> dict[str, Any]:
    return {
        "source": outcome.source,
        "document": outcome.index,
        "line": outcome.line,
        "status": outcome.status,
        "outputs": list(outcome.outputs) if outcome.status != "failed" else [],
        "weeks": outcome.weeks,
        "total_hours": outcome.total_hours,
        "error": outcome.error,
    }


def report_csv(rows: Iterable[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        cells = {**row, "outputs": ";".join(row["outputs"])}
        writer.writerow(["" if cells[c] is None else cells[c] for c in COLUMNS])
    return buffer.getvalue().encode("utf-8")


def report_json(rows: list[dict[str, Any]], summary: dict[str, Any]) -> bytes:
    text = json.dumps({"summary": summary, "profiles": rows}, ensure_ascii=False, indent=1)
    return (text + "\n").encode("utf-8")


def write_reports(folder: Path, outcomes: Iterable[Outcome], summary: dict[str, Any],
                  suffix: str = "") -> tuple[Path, Path]:
    """batch-report<suffix>.csv and .json in input order; output paths relative to folder."""
    rows = [row_of(o) for o in sorted(outcomes, key=lambda o: o.position)]
    csv_path = write_atomic(folder / f"batch-report{suffix}.csv", report_csv(rows))
    json_path = write_atomic(folder / f"batch-report{suffix}.json", report_json(rows, summary))
    return csv_path, json_path
