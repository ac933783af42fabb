"""Lint the catalog's words: no model version pinned outside models.yaml (a task names a role
that file fills), every role in use, and one spelling convention (British: optimise,
behaviour, modelling, labelled) in the prose of every content file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from planner.catalog.roles import MODELS_FILE, PLACEHOLDER

# model families with numbered versions that age; historical teaching models (GPT-2, BERT, T5)
# and papers' titles (resource lines) are not pins
PINS = re.compile(
    r"\b(?:Qwen[- ]?\d[\w.-]*|Llama[- ]?\d[\w.-]*|Llama Guard[- ]?\d|Gemma[- ]?\d[\w.-]*"
    r"|Mistral[- ](?:\d|Small|Large|Nemo|Medium)\w*|Mixtral|Phi-\d[\w.-]*|SmolLM\d[\w.-]*"
    r"|SmolVLM\d*|DeepSeek-?[VR]\d[\w.-]*|(?i:gpt)-?(?:3\.5|4|4o|4\.1|5)[\w.-]*|gpt-oss[\w.-]*"
    r"|o[134](?:-mini|-pro)?|Claude(?: \d| (?:Opus|Sonnet|Haiku)(?: \d[\w.]*)?)"
    r"|Gemini(?: \d[\w.]*| (?:Pro|Flash|Ultra))|bge-[a-z]+-[a-z]+-v\d[\w.]*"
    r"|all-MiniLM-L\d+-v\d|Granite[- ]\d|Falcon-H\d|Nemotron[\w.-]*)(?![\w-])"
)
# American spellings of words the catalog spells the British way, and the British form
AMERICAN = {
    re.compile(
        r"\b((?:optim|summar|organ|normal|regular|special|recogn|visual|minim|maxim|memor"
        r"|initial|general|util|priorit|categor|character|parallel|anonym|pseudonym|lemmat"
        r"|vector|token|quant|standard|emphas|real|author|custom|penal|stabil|central|modern)"
        r"i)z(e|es|ed|ing|er|ers|ation|ations)\b",
        re.IGNORECASE,
    ): r"\1s\2",
    re.compile(r"\banalyz(e|es|ed|ing)\b", re.IGNORECASE): r"analys\1",
    re.compile(r"\b(behavi|col|fav|hon|neighb)or(s|al|ed|ing)?\b", re.IGNORECASE): r"\1our\2",
    re.compile(r"\b(model|label|travel|cancel)(ed|ing)\b", re.IGNORECASE): r"\1l\2",
    re.compile(r"\bcenter(s|ed)?\b", re.IGNORECASE): r"centre\1",
    re.compile(r"\bdefense\b", re.IGNORECASE): "defence",
    re.compile(r"\blicense(s)?\b", re.IGNORECASE): r"licence\1",
    re.compile(r"\bartifact(s)?\b", re.IGNORECASE): r"artefact\1",
}
# names written the way their owners write them: code, commands, file names and ids
# (hyphenated lowercase words such as llama-quantize or subword-tokenization), libraries; a
# full stop or a bracket around a word is prose
CODE = re.compile(
    r"\S*(?:[A-Z][a-z]+[A-Z]|[_/=`]|\w\(|\.\w|--)\S*|\b[a-z0-9]+(?:-[a-z0-9]+)+\b"
    r"|Hugging Face tokenizers"
)
# the fields a learner reads as prose (ids, tags and resources' own titles are not prose)
PROSE = {
    "title",
    "summary",
    "why",
    "outcomes",
    "task",
    "description",
    "topic",
    "question",
    "answer",
    "role",
    "part",
    "prompt",
    "choices",
    "explanation",
    "options",
    "text",
}


def lint_words(root: Path) -> list[str]:
    """Pins, unused roles and American spellings in every content file under root."""
    out: list[str] = []
    used: set[str] = set()
    for path in sorted(root.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        used |= {m.group(2) for m in PLACEHOLDER.finditer(text)}
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError:
            continue  # loading the catalog reports where the file breaks
        if path != root / MODELS_FILE:
            out += _pins(path, text, set(_titles(data)))
        out += [
            f"{path}: American spelling {found!r} (in {prose[:50]!r}): the catalog writes "
            f"{british!r}"
            for prose in _prose(data)
            for found, british in _american(prose)
        ]
    return out + [
        f"{root / MODELS_FILE}: model role {role!r} is used by no item"
        for role in _roles(root)
        if role not in used
    ]


def _pins(path: Path, text: str, titles: set[str]) -> list[str]:
    """Model versions named on any line, outside a resource's title (a source's title is its
    own) and its URL."""
    return [
        f"{path}:{number}: model version {m.group()!r} pinned: name a role from "
        f"{MODELS_FILE} instead ({{model:ROLE}})"
        for number, line in enumerate(text.splitlines(), 1)
        for m in PINS.finditer(line)
        if not _quoted(line, m, titles)
    ]


def _quoted(line: str, match: re.Match[str], titles: set[str]) -> bool:
    """Whether the match lies in a resource's title or URL on that line."""
    spans = [m.span() for t in titles for m in re.finditer(re.escape(t), line)]
    spans += [m.span() for m in re.finditer(r"https?://\S+", line)]
    return any(start <= match.start() and match.end() <= end for start, end in spans)


def _titles(data: Any) -> Iterator[str]:
    """The titles of the resources in loaded YAML data (mappings with a url), at any depth."""
    if isinstance(data, dict):
        if "url" in data and isinstance(data.get("title"), str):
            yield data["title"]
        for value in data.values():
            yield from _titles(value)
    elif isinstance(data, list):
        for entry in data:
            yield from _titles(entry)


def _prose(data: Any, key: str = "") -> Iterator[str]:
    """The prose strings in loaded YAML data: values of PROSE fields, at any depth."""
    if isinstance(data, dict):
        if "url" in data:
            return  # a resource: its title is the source's own
        for k, v in data.items():
            yield from _prose(v, str(k))
    elif isinstance(data, list):
        for entry in data:
            yield from _prose(entry, key)
    elif isinstance(data, str) and key in PROSE:
        yield data


def _american(line: str) -> Iterator[tuple[str, str]]:
    prose = CODE.sub(" ", line)
    for pattern, british in AMERICAN.items():
        for match in pattern.finditer(prose):
            yield match.group(), match.expand(british)


def _roles(root: Path) -> list[str]:
    path = root / MODELS_FILE
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    return re.findall(r"^- id: *([a-z0-9-]+)", text, re.MULTILINE)
