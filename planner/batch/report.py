"""The batch report: one row per profile document, as CSV and JSON, written atomically."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from planner.batch.worker import Outcome
from planner.output import write_atomic

COLUMNS = (
    "source",
    "document",
    "line",
    "status",
    "outputs",
    "weeks",
    "total_hours",
    "error",
    "warnings",
)


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
        "warnings": list(outcome.warnings),
    }


def report_csv(rows: Iterable[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        cells = {
            **row,
            "outputs": ";".join(row["outputs"]),
            "warnings": " | ".join(row.get("warnings", [])),
        }
        writer.writerow(["" if cells[c] is None else cells[c] for c in COLUMNS])
    return buffer.getvalue().encode("utf-8", "backslashreplace")  # a file name not UTF-8


def report_json(rows: list[dict[str, Any]], summary: dict[str, Any]) -> bytes:
    text = json.dumps({"summary": summary, "profiles": rows}, ensure_ascii=False, indent=1)
    return (text + "\n").encode("utf-8", "backslashreplace")


def write_reports(
    folder: Path, outcomes: Iterable[Outcome], summary: dict[str, Any], suffix: str = ""
) -> tuple[Path, Path]:
    """batch-report<suffix>.csv and .json in input order; output paths relative to folder."""
    rows = [row_of(o) for o in sorted(outcomes, key=lambda o: o.position)]
    csv_path = write_atomic(folder / f"batch-report{suffix}.csv", report_csv(rows))
    json_path = write_atomic(folder / f"batch-report{suffix}.json", report_json(rows, summary))
    if suffix:
        merge_shard_reports(folder, suffix.rsplit("-of-", 1)[1])
    return csv_path, json_path


def merge_shard_reports(folder: Path, count: str) -> None:
    """batch-report.csv/.json: every shard of N that has finished in this folder, together.

    Each shard rewrites the merged report when it ends, so after the last one it holds all;
    the per-shard reports stay the record of each shard.
    """
    rows: list[dict[str, Any]] = []
    shards: list[dict[str, Any]] = []
    for path in sorted(folder.glob(f"batch-report-*-of-{count}.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # another shard is replacing it right now: its own run merges it
        rows += data["profiles"]
        shards.append(data["summary"])
    rows.sort(key=lambda r: (r["source"], r["document"]))
    summary = {s: sum(x.get(s, 0) for x in shards) for s in ("ok", "failed", "skipped", "total")}
    summary |= {
        "shards": sorted(x["shard"] for x in shards),
        "cancelled": any(x.get("cancelled") for x in shards),
    }
    write_atomic(folder / "batch-report.csv", report_csv(rows))
    write_atomic(folder / "batch-report.json", report_json(rows, summary))
