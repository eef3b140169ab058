"""The linear-time pattern matcher: a table of cases, agreement with `re.fullmatch`, ReDoS patterns, refusals."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kwaliteitsregels.facts.patterns import MAX_PATTERN_LENGTH, Pattern, PatternError, compile_pattern

CASES = [
    ("^4[0-9][A-Z][0-9]{2}$", "41A23", True),
    ("^4[0-9][A-Z][0-9]{2}$", "41a23", False),
    ("^4[0-9][A-Z][0-9]{2}$", "41A234", False),
    ("^4[0-9][A-Z][0-9]{2}$", "x41A23", False),
    ("4[0-9][A-Z][0-9]{2}", "41A23", True),
    ("^98", "98", True),
    ("98.*", "98001234", True),
    ("98.*", "9800\n1234", True),
    ("98.*", "8998", False),
    (r"\d{8}", "12345678", True),
    (r"\d{8}", "1234567٣", False),
    (r"\d{8}", "１２３４５６７８", False),
    (r"[\d]+", "²", False),
    (r"[0-9A-F]{2}", "7F", True),
    ("[^0-9]+", "abc", True),
    ("[^0-9]+", "ab1", False),
    ("[^0-9]", "\n", True),
    ("[-.]+", "-.-", True),
    ("[a-]", "-", True),
    (r"[\]\\]", "]", True),
    (r"[\]\\]", "\\", True),
    (r"\.\-\(\)\[\]\{\}\*\+\?\|\^\$", ".-()[]{}*+?|^$", True),
    (r"a\ b", "a b", True),
    ("a|b|c", "b", True),
    ("a|b|c", "ab", False),
    ("ab|cd", "cd", True),
    ("(ab|cd)+", "abcdab", True),
    ("(ab|cd)+", "abcda", False),
    ("a?", "", True),
    ("a*", "", True),
    ("a+", "", False),
    ("a{3}", "aaa", True),
    ("a{3}", "aa", False),
    ("a{2,}", "aaaaa", True),
    ("a{2,}", "a", False),
    ("a{2,3}", "aaaa", False),
    ("a{0}", "", True),
    ("a{0,0}b", "b", True),
    ("(a|)b", "b", True),
    ("()", "", True),
    ("()*", "", True),
    ("(a*)*", "aaaa", True),
    ("(a*)+b", "b", True),
    ("((a|b)c){2}", "acbc", True),
    ("é+", "éé", True),
    ("AGB", "agb", False),
    ("", "", True),
    ("", "a", False),
    ("^$", "", True),
    (r"\$", "$", True),
    (r"a\$", "a$", True),
    ("(a+)+$", "a" * 30, True),
]

REDOS = ["(a+)+$", "(a|aa)*b", "(a*)*b", "(a|a)*b", "(a+)*b", "(.*a){12}b", "^(([a-z])+.)+[A-Z]([a-z])+$"]

REFUSED = [
    ("(ab", 0, "niet gesloten"),
    ("a(b(c)", 1, "niet gesloten"),
    ("ab)", 2, "zonder bijbehorende '('"),
    ("[ab", 0, "niet gesloten"),
    ("[]", 1, "lege tekenklasse"),
    ("a[^]", 3, "lege tekenklasse"),
    ("[z-a]", 1, "ongeldig bereik"),
    (r"[a-\d]", 1, "ongeldig bereik"),
    (r"[\d-z]", 1, "ongeldig bereik"),
    ("[[:alpha:]]", 1, "binnen een tekenklasse"),
    ("a]", 1, "zonder bijbehorend openingsteken"),
    ("a}", 1, "zonder bijbehorend openingsteken"),
    (r"(a)\1", 3, "terugverwijzing"),
    ("(?=a)a", 0, "(?"),
    ("(?!a)b", 0, "(?"),
    ("(?<=a)b", 0, "(?"),
    ("(?:ab)", 0, "(?"),
    ("(?i)ab", 0, "(?"),
    ("a*?", 2, "luie herhaling"),
    ("a+?", 2, "luie herhaling"),
    ("a{2}?", 4, "luie herhaling"),
    ("a*+", 2, "bezittelijke"),
    ("a**", 2, "twee herhalingen"),
    ("a{2}{3}", 4, "twee herhalingen"),
    ("*a", 0, "herhaalt niets"),
    ("a|+b", 2, "herhaalt niets"),
    ("(?", 0, "(?"),
    ("^*", 1, "herhaalt niets"),
    (r"\w+", 0, r"'\w'"),
    (r"a\s", 1, r"'\s'"),
    (r"\bab", 0, r"'\b'"),
    (r"\D", 0, r"'\D'"),
    (r"\n", 0, r"'\n'"),
    (r"\x41", 0, r"'\x'"),
    (r"\p{L}", 0, "Unicode-klasse"),
    (r"\P{L}", 0, "Unicode-klasse"),
    (r"\N{DIGIT ONE}", 0, "Unicode-klasse"),
    (r"[\w]", 1, r"'\w'"),
    ("ab\\", 2, "losse"),
    ("a{101}", 1, "groter dan 100"),
    ("a{1,101}", 1, "groter dan 100"),
    ("a{3,2}", 1, "m groter dan n"),
    ("a{x}", 1, "moet een aantal openen"),
    ("a{,3}", 1, "moet een aantal openen"),
    ("a{2", 1, "moet een aantal openen"),
    ("a{ 2}", 1, "moet een aantal openen"),
    ("a{٣}", 1, "moet een aantal openen"),
    ("a^b", 1, "alleen helemaal aan het begin"),
    ("a$b", 1, "alleen helemaal aan het begin"),
    ("(a$)", 2, "alleen helemaal aan het begin"),
    ("(a{100}){100}", 0, "te groot"),
    ("x(a{50}){50}(b{50}){50}", 12, "te groot"),
    ("(a{100}){40}|(b{100}){40}", 13, "te groot"),
    ("a" * (MAX_PATTERN_LENGTH + 1), MAX_PATTERN_LENGTH, "langer dan 200"),
]


@pytest.mark.parametrize(("source", "text", "expected"), CASES)
def test_case_table(source: str, text: str, expected: bool) -> None:
    assert compile_pattern(source).matches(text) is expected


@pytest.mark.parametrize(("source", "text", "expected"), CASES)
def test_the_case_table_agrees_with_re(source: str, text: str, expected: bool) -> None:
    python = source.replace(r"[\d]", "[0-9]").replace(r"\d", "[0-9]")
    assert (re.fullmatch(python, text, re.DOTALL) is not None) is expected


@pytest.mark.parametrize("source", REDOS)
def test_redos_patterns_finish_on_a_long_hostile_value(source: str) -> None:
    pattern = compile_pattern(source)
    assert pattern.matches("a" * 5000 + "!") is False
    assert pattern.matches("a" * 5000 + "!") is False  # the second run uses the remembered steps


def test_a_long_value_is_matched() -> None:
    assert compile_pattern("(ab)*").matches("ab" * 50_000)
    assert not compile_pattern("(ab)*").matches("ab" * 50_000 + "a")


@pytest.mark.parametrize(("source", "position", "fragment"), REFUSED)
def test_refused_constructs_name_the_position(source: str, position: int, fragment: str) -> None:
    with pytest.raises(PatternError) as caught:
        compile_pattern(source)
    error = caught.value
    assert fragment in error.message_nl
    assert error.position == position
    assert error.message_en
    assert f"(bij teken {position + 1})" in str(error)
    assert isinstance(error, ValueError)


def test_the_largest_allowed_counts_compile() -> None:
    assert compile_pattern("a{100}").matches("a" * 100)
    assert compile_pattern("(a{1,100}){1,20}b").matches("a" * 150 + "b")
    assert compile_pattern("(" * 100 + ")" * 100).matches("")


def test_a_pattern_is_a_frozen_value_named_by_its_source() -> None:
    pattern = compile_pattern("4[0-9]")
    assert pattern == compile_pattern("4[0-9]")
    assert hash(pattern) == hash(compile_pattern("4[0-9]"))
    assert repr(pattern) == "Pattern(source='4[0-9]')"
    assert isinstance(pattern, Pattern)
    with pytest.raises(AttributeError):
        pattern.source = "x"  # type: ignore[misc]


# ---------------------------------------------------------------- agreement with re

_LITERALS = ["a", "b", "B", "1", "٣", r"\.", r"\-", r"\(", r"\*", r"\ "]
_CLASS_ITEMS = ["a", "b", "0-9", "a-c", "A-Z", r"\d", r"\-", r"\.", r"\]", "٣"]


@dataclass(frozen=True)
class _Generated:
    """A pattern in our syntax and the same pattern for `re` (where `\\d` becomes `[0-9]`)."""

    ours: str
    python: str


_DIGIT_ESCAPE = r"\d"


def _leaf(ours: str) -> _Generated:
    python = ours.replace(_DIGIT_ESCAPE, "[0-9]")
    return _Generated(ours, python)


def _class(items: list[str], negated: bool) -> _Generated:
    body = "".join(items)
    python = body.replace(_DIGIT_ESCAPE, "0-9")
    caret = "^" if negated else ""
    return _Generated(f"[{caret}{body}]", f"[{caret}{python}]")


_QUANTIFIERS = st.sampled_from(["?", "*", "+", "{2}", "{0,2}", "{1,}", "{0}", "{2,3}"])


def _group(inner: _Generated, quantifier: str) -> _Generated:
    return _Generated(f"({inner.ours}){quantifier}", f"({inner.python}){quantifier}")


def _join(parts: list[_Generated], separator: str) -> _Generated:
    return _Generated(separator.join(p.ours for p in parts), separator.join(p.python for p in parts))


_LEAVES = st.one_of(
    st.sampled_from(_LITERALS).map(_leaf),
    st.just(_leaf(".")),
    st.just(_leaf(r"\d")),
    st.builds(_class, st.lists(st.sampled_from(_CLASS_ITEMS), min_size=1, max_size=3), st.booleans()),
)

PATTERNS = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(
        st.builds(_group, inner, _QUANTIFIERS),
        st.builds(_join, st.lists(inner, min_size=2, max_size=3), st.just("")),
        st.builds(_join, st.lists(inner, min_size=2, max_size=3), st.just("|")),
    ),
    max_leaves=8,
)
TEXTS = st.text(st.sampled_from("ab1B.-(* ٣\n"), max_size=10)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PATTERNS, TEXTS)
def test_the_same_answer_as_re_fullmatch(pattern: _Generated, text: str) -> None:
    expected = re.fullmatch(pattern.python, text, re.DOTALL) is not None
    assert compile_pattern(pattern.ours).matches(text) is expected


@settings(max_examples=200, deadline=None)
@given(PATTERNS)
def test_a_matching_text_generated_by_re_semantics_is_accepted(pattern: _Generated) -> None:
    compiled = compile_pattern(pattern.ours)
    for text in ["", "a", "aa", "ab", "1", "b1", "a.a"]:
        assert compiled.matches(text) is (re.fullmatch(pattern.python, text, re.DOTALL) is not None)
