"""Lint task hours against a floor for the kind of work a task's words describe: a training
run with its GPU set-up, an RL run, a multi-GPU run, a reproduction, an ablation over seeds,
a lecture to watch, several runs to make, a whole course."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.catalog.model import Catalog

NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8, "ten": 10}
COUNT = r"(?P<n>\d+|" + "|".join(NUMBERS) + ")"


@dataclass(frozen=True, kw_only=True)
class Floor:
    """The least time a task of one kind takes, with what that time covers."""

    kind: str
    words: re.Pattern[str]
    hours: float  # the floor, or the floor per counted unit when the words capture a count
    covers: str

    def least(self, text: str) -> float:
        """The floor for a task with this text, or 0 when the text is not of this kind."""
        match = self.words.search(text)
        if match is None:
            return 0.0
        count = match.groupdict().get("n")
        if count is None:
            return self.hours
        return self.hours * (int(count) if count.isdigit() else NUMBERS[count])


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


FLOORS = (
    Floor(
        kind="a training run with GPU set-up",
        words=_words(
            r"\b(train|fine-tune|run \w*trainer)\b[^.;]*\b(GPU|Colab|Kaggle)\b"
            r"|\b(SFTTrainer|DPOTrainer|RewardTrainer)\b[^.;]*\b(train|run|for one epoch)"
        ),
        hours=2.0,
        covers="opening a GPU notebook, installing, one run and reading its curves",
    ),
    Floor(
        kind="an RL training run",
        words=_words(r"\b(train|run)\b[^.;]*\b(GRPO|PPO|RLOO)\w*|\bGRPOTrainer\b"),
        hours=3.0,
        covers="sampling groups of answers is slow: set-up, an hour-long run, and evaluation",
    ),
    Floor(
        kind="a multi-GPU run",
        words=re.compile(
            r"(?i:\b(run|launch|train)\b)[^.;]*\b(DDP|FSDP|ZeRO|DeepSpeed|accelerate launch)\b"
        ),
        hours=2.5,
        covers="a multi-GPU node or notebook, its launcher configuration, and a measured run",
    ),
    Floor(
        kind="a reproduction",
        words=_words(r"\breproduce (the paper's|a published|one published|the (main|baseline)) "),
        hours=3.0,
        covers="setting up the code, the data and the run, and comparing with the paper",
    ),
    Floor(
        kind="an ablation over seeds",
        words=_words(r"\bablation\b[^.;]*\bseeds?\b|\bseeds?\b[^.;]*\bablation\b"),
        hours=2.0,
        covers="every configuration trained several times, then tabulated",
    ),
    Floor(
        kind="training runs",
        words=_words(COUNT + r" (training|fine-tuning|ablation) runs\b"),
        hours=0.25,
        covers="each run is set up, trained and logged",
    ),
    Floor(
        kind="models run and compared",
        words=_words(
            r"\b(score|evaluate|run)\b[^.;]*\b" + COUNT + r" (small |open |small open )?models\b"
        ),
        hours=0.75,
        covers="each model is loaded, run on the same inputs and scored",
    ),
    Floor(
        kind="lectures to watch",
        words=_words(r"\bwatch\b[^.;]*?\b" + COUNT + r"\b[^.;]*\blectures\b"),
        hours=1.0,
        covers="a university lecture runs about an hour before notes are taken",
    ),
    Floor(
        kind="a lecture to watch",
        words=_words(r"\bwatch\b[^.;]*\blecture\b"),
        hours=1.0,
        covers="a university lecture runs about an hour before notes are taken",
    ),
    Floor(
        kind="a whole course",
        words=_words(
            r"\b(whole|entire|full) course\b|\ball (of )?the (lessons|lectures|chapters)\b"
        ),
        hours=6.0,
        covers="a course is many lessons: give each lesson its own task",
    ),
)


def lint_hours(catalog: Catalog) -> list[str]:
    """Tasks whose hours are below the floor of the kind of work their words describe."""
    out = []
    for item in catalog.items.values():
        for number, task in enumerate(item.tasks, 1):
            floors = [(f.least(task.text), f) for f in FLOORS]
            least, floor = max(floors, key=lambda pair: pair[0])
            if task.hours + 1e-9 < least:
                out.append(
                    f"item {item.id}: task {number} is {floor.kind} in {task.hours:g} h; "
                    f"it takes at least {least:g} h ({floor.covers}): {task.text[:60]!r}"
                )
    return out
