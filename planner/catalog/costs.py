"""Lint what tasks need beyond a laptop and free tools: each need known, with a money estimate
for the paid route and a free route; a task whose words show a GPU or a paid model at work
names its need."""

from __future__ import annotations

import re

from planner.catalog.model import NEEDS, Catalog, Task

# words that show a task running on a GPU, or calling a hosted model, and the need they mean
SIGNALS = {
    "gpu": re.compile(
        r"\bGPUs?\b|\bQLoRA\b|\b(SFT|DPO|GRPO|Reward)Trainer\b|\bvllm serve\b"
        r"|\bbitsandbytes\b|\bFSDP\b|\bDeepSpeed\b|\bUnsloth\b|\bAxolotl\b|\bvLLM\b|\bSGLang\b"
    ),
    "paid-api": re.compile(
        r"\b(hosted|provider'?s?|paid) (LLM )?API\b|\bthrough its API\b|\bLLM judge\b"
        r"|\bjudge prompt\b|\bwith an LLM\b|\bby an LLM\b|\ban LLM API\b",
        re.IGNORECASE,
    ),
}
# needs that cover another's signal: several GPUs include one; labelling is paid API use
COVERS = {"multi-gpu": {"gpu"}, "llm-labelling": {"paid-api"}, "hosting": {"gpu"}}
# a task that only reads, watches or estimates runs nothing, whatever it mentions
ONLY_READS = re.compile(
    r"^Self-check\b|^(Read|Watch|Compute|Estimate|Sketch|Draw|List|Tabulate|Pick|Choose|Explain)\b"
    r"(?![^.;]*\b(run|train|serve|fine-tune|load|generate|score|deploy)\b)",
    re.IGNORECASE,
)


def lint_costs(catalog: Catalog) -> list[str]:
    """Problems with tasks' needs and costs, as text lines."""
    out = []
    for item in catalog.items.values():
        for number, task in enumerate(item.tasks, 1):
            out += [f"item {item.id}: task {number} {p}" for p in _task_problems(task)]
    return out


def _task_problems(task: Task) -> list[str]:
    out = [f"needs {n!r}, not one of {', '.join(NEEDS)}" for n in task.needs if n not in NEEDS]
    if task.needs and task.cost is None:
        out.append("names needs but no cost: add cost: {usd: ..., free: ...}")
    if task.cost is not None:
        if not task.needs:
            out.append("has a cost but no needs: say what it needs")
        if task.cost.usd < 0 or not task.cost.free_route:
            out.append("cost needs dollars (0 or more) on the paid route and a free route")
    covered = set(task.needs) | {c for n in task.needs for c in COVERS.get(n, ())}
    if not ONLY_READS.match(task.text):
        for need, words in SIGNALS.items():
            found = words.search(task.text)
            if found and need not in covered:
                out.append(
                    f"says {found.group()!r} but names no need {need!r}: add needs: [{need}] "
                    "with a cost and a free route"
                )
    return out
