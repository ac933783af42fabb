"""The limits on YAML from outside: each one a problem saying what the limit is, none of
them changing what a document within the limits means."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.errors import UserError, excerpt, listed
from planner.yamlsource import LIMITS, LargeNumber, bounded_int, load_document, load_documents
from tests.conftest import examples

PARSERS = [pytest.param(False, id="libyaml"), pytest.param(True, id="pure")]


def only_problem(text: str, pure: bool = False) -> str:
    [doc] = load_documents(text, "f.yaml", pure=pure)
    assert doc.data is None
    [problem] = doc.problems
    return str(problem)


@pytest.mark.parametrize("pure", PARSERS)
def test_twenty_thousand_plain_keys_break_the_key_limit_not_an_alias_one(pure: bool) -> None:
    text = "".join(f"k{n}: {n}\n" for n in range(20_000))
    assert only_problem(text, pure) == (
        "f.yaml:1:1: this mapping has more than 1,000 keys; the limit is 1,000"
    )


@pytest.mark.parametrize("pure", PARSERS)
def test_an_alias_bomb_is_refused_at_the_alias_that_breaks_the_limit(pure: bool) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for previous, current in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{current}: &{current} [" + ",".join([f"*{previous}"] * 9) + "]")
    assert only_problem("\n".join(lines), pure) == (
        "f.yaml:5:11: the aliases (*name) in this document expand it to more than 20,000 "
        "values; the limit is 20,000"
    )


@pytest.mark.parametrize("pure", PARSERS)
def test_an_alias_inside_its_own_value_is_refused(pure: bool) -> None:
    assert "the alias *a stands inside the value it names" in only_problem("x: &a [1, *a]", pure)


@pytest.mark.parametrize("pure", PARSERS)
def test_depth_past_the_limit_says_the_limit(pure: bool) -> None:
    deep = "".join(f"{'  ' * n}k{n}:\n" for n in range(LIMITS.depth + 1)) + "  " * 51 + "x\n"
    assert only_problem(deep, pure).endswith(
        "nested too deeply: more than 50 lists or mappings inside each other"
    )
    within = "x: " + "[" * (LIMITS.depth - 1) + "]" * (LIMITS.depth - 1)
    assert load_documents(within, "f.yaml", pure=pure)[0].problems == ()


@pytest.mark.parametrize("pure", PARSERS)
def test_a_huge_value_is_measured_not_quoted(pure: bool) -> None:
    problem = only_problem("name: " + "A" * 900_000, pure)
    assert (
        problem
        == "f.yaml:1:7: this value is 900,000 characters long; at most 10,000 fit in one value"
    )


def test_too_many_documents_refuse_the_file_in_one_problem() -> None:
    docs = load_documents("--- {}\n" * (LIMITS.documents + 1), "f.yaml")
    assert [str(p) for d in docs for p in d.problems] == [
        "f.yaml:1: more than 10,000 documents (--- separators) in one file; split it into "
        "several files"
    ]
    assert len(load_documents("--- {}\n" * LIMITS.documents, "f.yaml")) == LIMITS.documents


def test_a_bad_document_in_a_stream_leaves_the_next_one_whole() -> None:
    text = "a: &a [1, *a]\n---\nname: Ada\n---\n" + "[" * 60 + "]" * 60 + "\n---\nb: 2\n"
    docs = load_documents(text, "f.yaml")
    assert [d.data for d in docs] == [None, {"name": "Ada"}, None, {"b": 2}]
    assert [d.line for d in docs] == [1, 3, 5, 7]


@pytest.mark.parametrize("pure", PARSERS)
@pytest.mark.parametrize("written", ["9" * 5000, "-" + "9" * 31, "0x" + "f" * 5000, "1_0" * 20])
def test_long_numbers_are_large_numbers_never_read_digit_by_digit(written: str, pure: bool) -> None:
    [doc] = load_documents(f"weeks: {written}\n", "f.yaml", pure=pure)
    number = doc.data["weeks"]
    assert isinstance(number, LargeNumber) and abs(number) == 10**30
    assert (number < 0) == written.startswith("-")
    assert str(number).endswith(
        f"a number of {len(written.lstrip('+-').replace('_', '')):,} digits"
    )


def test_short_numbers_stay_exact() -> None:
    [doc] = load_documents("a: 123456789012345678901234567890\nb: 0x1f\nc: -7\n", "f.yaml")
    assert doc.data == {"a": 123456789012345678901234567890, "b": 31, "c": -7}
    assert not isinstance(doc.data["a"], LargeNumber)


def test_a_large_number_survives_a_trip_to_a_worker_process() -> None:
    import pickle

    number = pickle.loads(pickle.dumps(bounded_int("-" + "9" * 40)))
    assert isinstance(number, LargeNumber) and number.digits == 40 and number < 0


def test_json_bodies_read_long_numbers_the_same_way() -> None:
    data = json.loads('{"hours": ' + "9" * 5000 + ', "weeks": 12}', parse_int=bounded_int)
    assert isinstance(data["hours"], LargeNumber) and data["weeks"] == 12


def test_one_document_expected_where_one_is_read() -> None:
    assert load_document("name: Ada\n", "p.yaml").data == {"name": "Ada"}
    two = load_document("a: 1\n---\nb: 2\n", "p.yaml")
    assert two.data is None and "one YAML document expected; this holds 2" in str(two.problems[0])
    assert load_document("", "p.yaml").data is None


def test_messages_quote_short_excerpts_and_count_the_rest() -> None:
    assert excerpt("x" * 80) == "x" * 80
    assert excerpt("x" * 5000) == "x" * 60 + "… (5,000 characters)"
    assert excerpt("a\ud800b") == "a\\ud800b"
    lines = [f"problem {n}" for n in range(25)]
    assert listed(lines) == [*lines[:20], "… and 5 more problems in this file"]


def test_a_user_error_lists_twenty_problems_and_counts_the_rest() -> None:
    from planner.errors import Problem

    rendered = UserError([Problem(f"p{n}", "f.yaml", n + 1) for n in range(40)]).render()
    assert rendered.splitlines()[-1] == "… and 20 more problems in this file"
    assert len(rendered.splitlines()) == 21


# --- properties: the limits change nothing within them, and catch every bomb past them

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=6),
        st.dictionaries(st.text("abcdefgh_", min_size=1, max_size=8), inner, max_size=6),
    ),
    max_leaves=40,
)


def plain(value: Any) -> Any:
    """Loaded data as plain dicts and lists, to compare with what was dumped."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


@settings(max_examples=examples(200))
@given(documents, st.booleans())
def test_a_document_within_the_limits_loads_as_yaml_says(data: Any, pure: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    [doc] = load_documents(text, "f.yaml", pure=pure)
    assert doc.problems == () and plain(doc.data) == yaml.safe_load(text)


@settings(max_examples=examples(200))
@given(st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=7))
def test_aliases_are_refused_exactly_when_their_expansion_passes_the_limit(
    fans: list[int],
) -> None:
    """a0 is a list of fans[0] values; each next anchor repeats the one before fans[i]
    times. The values it all stands for are counted exactly, and compared with the limit."""
    lines = [f"a0: &a0 [{', '.join(['1'] * fans[0])}]"]
    size, total = 1 + fans[0], 1 + 1 + fans[0]  # the root mapping, a0's list and its values
    for level, fan in enumerate(fans[1:], start=1):
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * fan)}]")
        size = 1 + fan * size
        total += 1 + size
    total += len(fans)  # the keys
    [doc] = load_documents("\n".join(lines) + "\n", "f.yaml")
    assert (doc.data is None) == (total > LIMITS.values), (total, doc.problems)


@pytest.mark.parametrize("pure", PARSERS)
@pytest.mark.parametrize("value", ["!!int ", "!!int x", "!!bool maybe", "!!float abc"])
def test_a_value_its_tag_cannot_read_is_a_problem(value: str, pure: bool) -> None:
    assert "the value cannot be read as its tag !!" in only_problem(f"name: {value}\n", pure)
