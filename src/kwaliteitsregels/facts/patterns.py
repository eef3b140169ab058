r"""Patterns on codes, matched in linear time: a small regular-expression subset compiled to an NFA.

Python's `re` backtracks, so a pattern such as `(a+)+$` can take exponential time on a hostile
value. A ruleset's pattern is compiled here instead (Thompson's construction) and simulated on all
paths at once, so matching costs at most O(len(pattern) × len(value)) whatever the pattern.
Values of any length may be matched; the time grows linearly with the value.

A pattern always matches the whole value. The subset:

| syntax                                | meaning                                                |
|---------------------------------------|--------------------------------------------------------|
| `a`, `é`                              | that character (case-sensitive)                        |
| `.`                                   | any character, a line break included                   |
| `\.`, `\-`, `\(`, …                   | the punctuation character (or space) itself            |
| `\d`                                  | an ASCII digit 0-9 (never another script's digits)     |
| `[A-Z0-9]`, `[^A-Z]`, `[-.\d]`        | a character class, negated with `^`; `-` first or last |
| `?`, `*`, `+`, `{m}`, `{m,}`, `{m,n}` | repetition, m and n at most 100                        |
| `( … )`, `|`                          | grouping and alternation                               |
| `^` first, `$` last                   | allowed and without effect: the whole value must match |

Anything else is refused with a `PatternError` giving the position: backreferences, lookarounds
and other `(?` groups, lazy or possessive quantifiers, `\w`, `\s`, `\b` and other escapes,
Unicode classes, `{,n}`, a lone `]` or `}` or a `[` inside a class (escape them), unbalanced
brackets, bad ranges, patterns longer than 200 characters and patterns that would expand to more
than 5,000 NFA states (as `(a{100}){100}` would).
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

MAX_PATTERN_LENGTH: Final = 200
MAX_COUNT: Final = 100
MAX_STATES: Final = 5_000
_CACHE_BUDGET: Final = 250_000  # state entries kept per pattern, about 10 MB at most
_SEEN_BUDGET: Final = 4_096  # short values remembered per pattern with their outcome
_SEEN_LENGTH: Final = 64  # codes and numbers; a longer text is read again
_ESCAPABLE: Final = frozenset(string.punctuation + " ")
_QUANTIFIERS: Final = frozenset("?*+{")

_MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "too_long": ("patroon is langer dan {limit} tekens", "pattern is longer than {limit} characters"),
    "nothing_to_repeat": (
        "'{char}' herhaalt niets: zet er een teken of groep voor",
        "'{char}' repeats nothing: put a character or group before it",
    ),
    "lazy": ("luie herhaling ('?' na een herhaling) wordt niet ondersteund", "lazy quantifiers are not supported"),
    "possessive": (
        "bezittelijke herhaling ('+' na een herhaling) wordt niet ondersteund",
        "possessive quantifiers are not supported",
    ),
    "double_quantifier": (
        "twee herhalingen achter elkaar: zet het eerste deel tussen haakjes",
        "two quantifiers in a row: put the first part in parentheses",
    ),
    "bad_count": (
        "'{{' moet een aantal openen: {{m}}, {{m,}} of {{m,n}}; schrijf \\{{ voor het teken zelf",
        "'{{' must open a count: {{m}}, {{m,}} or {{m,n}}; write \\{{ for the character itself",
    ),
    "count_too_large": ("aantal {count} is groter dan {limit}", "count {count} is larger than {limit}"),
    "count_order": ("in {{m,n}} is m groter dan n", "in {{m,n}} m is larger than n"),
    "group_syntax": (
        "'(?' (lookaround, vlaggen, bijzondere groep) wordt niet ondersteund; gebruik gewone haakjes ( … )",
        "'(?' (lookaround, flags, special group) is not supported; use plain parentheses ( … )",
    ),
    "unclosed_group": ("'(' wordt niet gesloten met ')'", "'(' is not closed by ')'"),
    "unopened_group": ("')' zonder bijbehorende '('", "')' without a matching '('"),
    "unclosed_class": ("'[' wordt niet gesloten met ']'", "'[' is not closed by ']'"),
    "empty_class": (
        "lege tekenklasse; schrijf \\] voor het teken ] zelf",
        "empty character class; write \\] for the character ] itself",
    ),
    "nested_class": (
        "'[' binnen een tekenklasse; schrijf \\[ voor het teken zelf",
        "'[' inside a character class; write \\[ for the character itself",
    ),
    "bad_range": (
        "ongeldig bereik: begin en eind zijn losse tekens en het begin komt niet na het eind",
        "bad range: start and end are single characters and the start does not come after the end",
    ),
    "backreference": ("terugverwijzing '\\{char}' wordt niet ondersteund", "backreference '\\{char}' is not supported"),
    "unicode_class": (
        "Unicode-klasse '\\{char}' wordt niet ondersteund; gebruik een tekenklasse zoals [A-Z]",
        "Unicode class '\\{char}' is not supported; use a character class such as [A-Z]",
    ),
    "bad_escape": (
        "'\\{char}' wordt niet ondersteund: gebruik \\d (cijfer 0-9), een tekenklasse of \\ voor een leesteken",
        "'\\{char}' is not supported: use \\d (digit 0-9), a character class or \\ before a punctuation mark",
    ),
    "trailing_backslash": ("patroon eindigt op een losse '\\'", "pattern ends in a lone '\\'"),
    "misplaced_anchor": (
        "'{char}' mag alleen helemaal aan het begin (^) of eind ($) staan; schrijf \\{char} voor het teken zelf",
        "'{char}' is only allowed at the very start (^) or end ($); write \\{char} for the character itself",
    ),
    "unescaped": (
        "'{char}' zonder bijbehorend openingsteken; schrijf \\{char} voor het teken zelf",
        "'{char}' without a matching opening bracket; write \\{char} for the character itself",
    ),
    "too_many_states": (
        "patroon wordt te groot (meer dan {limit} toestanden); verklein de aantallen in {{m,n}}",
        "pattern grows too large (more than {limit} states); lower the counts in {{m,n}}",
    ),
}


class PatternError(ValueError):
    """A pattern outside the supported subset; `position` is the 0-based index of the offending character."""

    def __init__(self, message_nl: str, message_en: str, position: int) -> None:
        self.message_nl = message_nl
        self.message_en = message_en
        self.position = position
        column = position + 1
        super().__init__(f"{message_nl} (bij teken {column}) / {message_en} (at character {column})")


def _error(key: str, position: int, **params: object) -> PatternError:
    nl, en = _MESSAGES[key]
    return PatternError(nl.format(**params), en.format(**params), position)


# ---------------------------------------------------------------- syntax tree


@dataclass(frozen=True, slots=True)
class _Chars:
    """One character from a set of inclusive ranges, or from outside them when negated."""

    ranges: tuple[tuple[str, str], ...]
    negated: bool = False
    size: int = 1

    def accepts(self, char: str) -> bool:
        return any(low <= char <= high for low, high in self.ranges) != self.negated


@dataclass(frozen=True, slots=True)
class _Sequence:
    items: tuple[_Node, ...]
    size: int


@dataclass(frozen=True, slots=True)
class _Alternation:
    options: tuple[_Node, ...]
    size: int


@dataclass(frozen=True, slots=True)
class _Repeat:
    item: _Node
    low: int
    high: int | None
    size: int


_Node = _Chars | _Sequence | _Alternation | _Repeat
_ANY: Final = _Chars((), negated=True)
_DIGIT: Final = ("0", "9")


def _sequence(items: Sequence[_Node]) -> _Node:
    if len(items) == 1:
        return items[0]
    return _Sequence(tuple(items), sum(item.size for item in items))


def _alternation(options: Sequence[_Node]) -> _Node:
    if len(options) == 1:
        return options[0]
    return _Alternation(tuple(options), sum(option.size + 1 for option in options) + 1)


def _repeat(item: _Node, low: int, high: int | None) -> _Repeat:
    optional = item.size + 2 if high is None else (high - low) * (item.size + 1)
    return _Repeat(item, low, high, low * item.size + optional)


# ---------------------------------------------------------------- parser


class _Parser:
    """Recursive descent over the pattern text; raises `PatternError` at the first construct it refuses."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def peek(self, ahead: int = 0) -> str:
        return self.text[self.pos + ahead : self.pos + ahead + 1]

    def parse(self) -> _Node:
        self.pos = 1 if self.text.startswith("^") else 0
        node = self.alternation()
        if self.peek() == "$":
            self.pos += 1
        if self.pos < len(self.text):
            raise _error("unopened_group", self.pos)
        return node

    def alternation(self) -> _Node:
        options = [self.sequence()]
        while self.peek() == "|":
            self.pos += 1
            start = self.pos
            options.append(self.sequence())
            _check_size(_alternation(options), start)
        return _alternation(options)

    def sequence(self) -> _Node:
        items: list[_Node] = []
        while not self.at_sequence_end():
            start = self.pos
            items.append(self.repeat())
            _check_size(_sequence(items), start)
        return _sequence(items) if items else _Sequence((), 0)

    def at_sequence_end(self) -> bool:
        char = self.peek()
        return char in {"", "|", ")"} or (char == "$" and self.pos == len(self.text) - 1)

    def repeat(self) -> _Node:
        node = self.atom()
        counts = self.quantifier()
        if counts is None:
            return node
        self.refuse_second_quantifier()
        return _repeat(node, *counts)

    def quantifier(self) -> tuple[int, int | None] | None:
        char = self.peek()
        simple = {"?": (0, 1), "*": (0, None), "+": (1, None)}.get(char)
        if simple is not None:
            self.pos += 1
            return simple
        return self.counts() if char == "{" else None

    def refuse_second_quantifier(self) -> None:
        char = self.peek()
        if char in _QUANTIFIERS:
            raise _error({"?": "lazy", "+": "possessive"}.get(char, "double_quantifier"), self.pos)

    def counts(self) -> tuple[int, int | None]:
        start = self.pos
        close = self.text.find("}", start)
        low_text, comma, high_text = self.text[start + 1 : close].partition(",")
        if close == -1 or not _is_count(low_text) or (high_text and not _is_count(high_text)):
            raise _error("bad_count", start)
        self.pos = close + 1
        low = int(low_text)
        high = (int(high_text) if high_text else None) if comma else low
        _check_counts(low, high, start)
        return low, high

    def atom(self) -> _Node:
        char = self.peek()
        if char == "(":
            return self.group()
        if char == "[":
            return self.char_class()
        if char == "\\":
            return _Chars((self.escape(),))
        _refuse_special(char, self.pos)
        self.pos += 1
        return _ANY if char == "." else _Chars(((char, char),))

    def group(self) -> _Node:
        start = self.pos
        self.pos += 1
        if self.peek() == "?":
            raise _error("group_syntax", start)
        node = self.alternation()
        if self.peek() != ")":
            raise _error("unclosed_group", start)
        self.pos += 1
        return node

    def escape(self) -> tuple[str, str]:
        r"""The range an escape stands for: `\d` for 0-9, an escaped punctuation character for itself."""
        start = self.pos
        char = self.peek(1)
        self.pos += 2
        if char == "d":
            return _DIGIT
        if char in _ESCAPABLE:
            return (char, char)
        raise _escape_error(char, start)

    def char_class(self) -> _Chars:
        start = self.pos
        self.pos += 1
        negated = self.peek() == "^"
        self.pos += negated
        ranges: list[tuple[str, str]] = []
        while self.peek() != "]":
            if not self.peek():
                raise _error("unclosed_class", start)
            ranges.append(self.class_item())
        if not ranges:
            raise _error("empty_class", self.pos)
        self.pos += 1
        return _Chars(tuple(ranges), negated)

    def class_item(self) -> tuple[str, str]:
        start = self.pos
        low = self.class_char()
        if self.peek() != "-" or self.peek(1) in {"]", ""}:
            return low
        self.pos += 1
        high = self.class_char()
        if low[0] != low[1] or high[0] != high[1] or low[0] > high[0]:
            raise _error("bad_range", start)
        return (low[0], high[0])

    def class_char(self) -> tuple[str, str]:
        char = self.peek()
        if char == "\\":
            return self.escape()
        if char == "[":
            raise _error("nested_class", self.pos)
        self.pos += 1
        return (char, char)


def _is_count(text: str) -> bool:
    return 0 < len(text) <= 6 and text.isascii() and text.isdigit()


def _check_counts(low: int, high: int | None, position: int) -> None:
    for count in (low, high):
        if count is not None and count > MAX_COUNT:
            raise _error("count_too_large", position, count=count, limit=MAX_COUNT)
    if high is not None and low > high:
        raise _error("count_order", position)


def _check_size(node: _Node, position: int) -> None:
    if node.size > MAX_STATES:
        raise _error("too_many_states", position, limit=MAX_STATES)


def _refuse_special(char: str, position: int) -> None:
    """Refuse a character that cannot start an atom here."""
    if char in _QUANTIFIERS:
        raise _error("nothing_to_repeat", position, char=char)
    if char in {"^", "$"}:
        raise _error("misplaced_anchor", position, char=char)
    if char in {"]", "}"}:
        raise _error("unescaped", position, char=char)


def _escape_error(char: str, position: int) -> PatternError:
    if not char:
        return _error("trailing_backslash", position)
    if char in string.digits:
        return _error("backreference", position, char=char)
    if char in {"p", "P", "N"}:
        return _error("unicode_class", position, char=char)
    return _error("bad_escape", position, char=char)


# ---------------------------------------------------------------- NFA


@dataclass(frozen=True, slots=True)
class _Fork:
    """An instruction that continues at every target without consuming a character."""

    targets: tuple[int, ...]


_Instruction = _Chars | _Fork
_HOLE: Final = _Fork(())


def _emit(node: _Node, code: list[_Instruction]) -> None:
    """Append the instructions of `node`; each falls through to the instruction after it."""
    if isinstance(node, _Chars):
        code.append(node)
    elif isinstance(node, _Sequence):
        for item in node.items:
            _emit(item, code)
    elif isinstance(node, _Alternation):
        _emit_alternation(node, code)
    else:
        _emit_repeat(node, code)


def _emit_alternation(node: _Alternation, code: list[_Instruction]) -> None:
    fork = len(code)
    code.append(_HOLE)
    starts: list[int] = []
    exits: list[int] = []
    for option in node.options:
        starts.append(len(code))
        _emit(option, code)
        exits.append(len(code))
        code.append(_HOLE)
    code[fork] = _Fork(tuple(starts))
    for exit_at in exits:
        code[exit_at] = _Fork((len(code),))


def _emit_repeat(node: _Repeat, code: list[_Instruction]) -> None:
    for _ in range(node.low):
        _emit(node.item, code)
    if node.high is None:
        loop = len(code)
        code.append(_HOLE)
        _emit(node.item, code)
        code.append(_Fork((loop,)))
        code[loop] = _Fork((loop + 1, len(code)))
        return
    forks: list[int] = []
    for _ in range(node.high - node.low):
        forks.append(len(code))
        code.append(_HOLE)
        _emit(node.item, code)
    for fork in forks:
        code[fork] = _Fork((fork + 1, len(code)))


def _closure(forks: tuple[tuple[int, ...], ...], starts: Iterable[int]) -> frozenset[int]:
    """The consuming instructions (and the final state) reachable from `starts` without consuming.

    `forks[pc]` holds the targets of a fork; it is empty for a consuming instruction and the final state.
    """
    stack = list(starts)
    seen: set[int] = set()
    while stack:
        pc = stack.pop()
        if pc not in seen:
            seen.add(pc)
            stack.extend(forks[pc])
    return frozenset(pc for pc in seen if not forks[pc])


class _Steps:
    """The steps computed so far (a lazily built DFA); forgotten when they outgrow a memory budget."""

    def __init__(self, code: tuple[_Instruction, ...]) -> None:
        self.code = code
        self.final = len(code)
        self.forks = (*(ins.targets if isinstance(ins, _Fork) else () for ins in code), ())
        self.start = _closure(self.forks, (0,))
        self.table: dict[tuple[frozenset[int], str], frozenset[int]] = {}
        self.states: dict[frozenset[int], frozenset[int]] = {}
        self.accepting: dict[str, frozenset[int]] = {}
        self.held = 0

    def compute(self, state: frozenset[int], char: str) -> frozenset[int]:
        """The state after reading `char`: every thread whose character set accepts it moves on."""
        if self.held > _CACHE_BUDGET:
            self.forget()
        moved = state & self.accepting_pcs(char)
        computed = _closure(self.forks, (pc + 1 for pc in moved))
        interned = self.states.setdefault(computed, computed)
        self.held += 1 + (len(computed) if interned is computed else 0)
        self.table[state, char] = interned
        return interned

    def accepting_pcs(self, char: str) -> frozenset[int]:
        """The instructions whose character set accepts `char`."""
        found = self.accepting.get(char)
        if found is None:
            found = frozenset(pc for pc, ins in enumerate(self.code) if isinstance(ins, _Chars) and ins.accepts(char))
            self.accepting[char] = found
            self.held += len(found) + 1
        return found

    def forget(self) -> None:
        self.table.clear()
        self.states.clear()
        self.accepting.clear()
        self.held = 0


# ---------------------------------------------------------------- public


@dataclass(frozen=True)
class Pattern:
    """A compiled pattern. `matches` tells whether a whole value matches, in linear time.

    Steps already taken are remembered (a lazily built DFA within a fixed memory budget), so
    matching many values against one pattern costs little more than reading them.
    """

    source: str
    _steps: _Steps = field(repr=False, compare=False)
    _seen: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)  # value → matched, bounded

    def matches(self, value: str) -> bool:
        """Whether the whole of `value` matches the pattern (the same short value twice is read once)."""
        if len(value) > _SEEN_LENGTH:
            return self._read(value)
        seen = self._seen
        known = seen.get(value)
        if known is None:
            if len(seen) >= _SEEN_BUDGET:
                seen.clear()
            known = seen[value] = self._read(value)
        return known

    def _read(self, value: str) -> bool:
        steps = self._steps
        table = steps.table
        state = steps.start
        for char in value:
            found = table.get((state, char))
            state = steps.compute(state, char) if found is None else found
            if not state:
                return False
        return steps.final in state


def compile_pattern(text: str) -> Pattern:
    """Compile `text` (the subset in this module's docstring); `PatternError` for anything else."""
    if len(text) > MAX_PATTERN_LENGTH:
        raise _error("too_long", MAX_PATTERN_LENGTH, limit=MAX_PATTERN_LENGTH)
    code: list[_Instruction] = []
    _emit(_Parser(text).parse(), code)
    return Pattern(text, _Steps(tuple(code)))
