"""The package layout shows the flow: no import circles, arrows only go down the flow.

Every import counts, also those inside functions and under TYPE_CHECKING: the graph is read
from the source with ast, not from what happens to be imported at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "planner"
# what a renderer may import of the project: the plan model, other render modules and
# the small shared helpers below the flow (templates, file names)
RENDER_MAY_USE = (
    "planner.plan",
    "planner.facts",
    "planner.render",
    "planner.templating",
    "planner.shipped",
    "planner.slug",
)
FRONTS = ("planner.cli", "planner.web", "planner.interview", "planner.batch")
MAX_LOOSE = 12


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The project modules path imports, anywhere in the file (functions included)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(
                    package.split(".")[: len(package.split(".")) - node.level + 1]
                    + ([base] if base else [])
                )
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(files)
    return {name: imports_of(path, modules) for name, path in files.items()}


def reachable(graph: dict[str, set[str]], start: str) -> dict[str, list[str]]:
    """Every module start reaches, each with one path to it."""
    paths = {start: [start]}
    stack = [start]
    while stack:
        here = stack.pop()
        for there in graph.get(here, ()):
            if there not in paths:
                paths[there] = [*paths[here], there]
                stack.append(there)
    return paths


def test_the_graph_sees_function_level_imports(graph: dict[str, set[str]]) -> None:
    # cli/__init__ imports cli.errors inside main(): the reader must see it
    assert "planner.cli.errors" in graph["planner.cli"]


def test_no_import_circles(graph: dict[str, set[str]]) -> None:
    circles = []
    for name in graph:
        for there in graph[name]:
            back = reachable(graph, there)
            if name in back:
                circles.append(" -> ".join([name, *back[name]]))
    assert circles == []


def test_renderers_read_only_the_plan(graph: dict[str, set[str]]) -> None:
    wrong = {}
    for name in graph:
        if name.startswith("planner.render"):
            for there, path in reachable(graph, name).items():
                if not there.startswith(RENDER_MAY_USE) and there != "planner":
                    wrong[name] = " -> ".join(path)
    assert wrong == {}


def test_the_engine_never_reaches_render_fronts_or_progress(graph: dict[str, set[str]]) -> None:
    above = ("planner.render", "planner.progress", "planner.pipeline", *FRONTS)
    wrong = {
        name: " -> ".join(path)
        for name in graph
        if name.startswith("planner.engine")
        for there, path in reachable(graph, name).items()
        if there.startswith(above)
    }
    assert wrong == {}


def test_front_ends_reach_the_engine_through_the_pipeline(graph: dict[str, set[str]]) -> None:
    wrong = [
        f"{name} -> {there}"
        for name, targets in graph.items()
        if name.startswith(FRONTS)
        for there in targets
        if there.startswith("planner.engine")
    ]
    assert wrong == []


def test_few_modules_stay_loose_at_the_top() -> None:
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(loose) <= MAX_LOOSE, loose
    assert not {"utils.py", "helpers.py", "misc.py", "common.py"} & set(loose)


def test_the_catalog_and_the_plan_model_sit_below_the_profile(graph: dict[str, set[str]]) -> None:
    above = (
        "planner.profile",
        "planner.engine",
        "planner.pipeline",
        "planner.render",
        "planner.progress",
        *FRONTS,
    )
    wrong = {
        name: " -> ".join(path)
        for name in graph
        if name.startswith(("planner.catalog", "planner.plan"))
        for there, path in reachable(graph, name).items()
        if there.startswith(above)
    }
    assert wrong == {}


FILE_CALLS = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "glob", "rglob"}
FILE_CALLS |= {"iterdir", "is_file", "is_dir", "exists", "stat", "mkdir", "unlink", "rename"}


def touches_files(path: Path) -> bool:
    """Whether the module calls anything that reads, lists or writes files."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in FILE_CALLS:
                return True
    return False


def test_the_engine_is_pure_it_reaches_nothing_that_touches_files(
    graph: dict[str, set[str]],
) -> None:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    touching = {name for name, path in files.items() if touches_files(path)}
    assert "planner.catalog.load" in touching  # the reader sees a module that reads files
    wrong = {
        name: " -> ".join(path)
        for name in graph
        if name.startswith("planner.engine")
        for there, path in reachable(graph, name).items()
        if there in touching
    }
    assert wrong == {}


def pdf_internals_used_outside_render(package: Path) -> list[str]:
    """Imports of planner.render.pdf's modules (not the package's API) outside planner.render."""
    wrong = []
    for path in package.rglob("*.py"):
        if path.is_relative_to(package / "render"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            wrong += [
                f"{path.relative_to(package.parent)}: {name}"
                for name in names
                if name.startswith("planner.render.pdf.")
            ]
    return wrong


def test_only_render_uses_the_pdf_internals_the_rest_its_public_api() -> None:
    assert pdf_internals_used_outside_render(PACKAGE) == []


def test_the_pdf_rule_sees_a_planted_import(tmp_path: Path) -> None:
    planted = tmp_path / "planner"
    (planted / "batch").mkdir(parents=True)
    (planted / "render" / "pdf").mkdir(parents=True)
    (planted / "batch" / "x.py").write_text("from planner.render.pdf.fonts import BODY\n")
    (planted / "batch" / "y.py").write_text("from planner.render.pdf import BODY\n")
    (planted / "render" / "pdf" / "z.py").write_text("import planner.render.pdf.fonts\n")
    assert pdf_internals_used_outside_render(planted) == [
        "planner/batch/x.py: planner.render.pdf.fonts"
    ]
