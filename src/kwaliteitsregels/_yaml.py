"""Safe YAML (and JSON) reading that remembers where every value stood.

Only plain data is built: mappings with string keys, sequences and standard scalars.
Custom tags, merge keys, duplicate keys, alias bombs, absurd nesting, oversized input and
YAML 1.1 number surprises (`010` octal, `1:30` base 60) are rejected with the file and line,
never silently accepted. libyaml scans; the nodes are composed here, in Python, so that the
nesting limit holds before any recursion (libyaml's own composer crashes on deep nesting).
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml
from yaml import cyaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from kwaliteitsregels.errors import InputError, Problem
from kwaliteitsregels.limits import DEFAULT_LIMITS, NUMBER_DIGITS_MESSAGE, Limits, too_many_digits

Path = tuple[str | int, ...]

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp"))
_KIND_TAGS: dict[type[yaml.Node], str] = {
    yaml.MappingNode: "tag:yaml.org,2002:map",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
}
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_DECIMAL_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")
# A YAML 1.1 float that is a finite number (`39.20`, `1_000.5`, `.5`, `1.5e+3`): read as a Decimal from its
# text, so `39.200000000000001` stays above 39.20 and `39.100` keeps its three decimals. `.inf` and `.nan`
# stay floats, which every number field refuses (`schema.finite_number`).
_FINITE = re.compile(r"[-+]?[0-9_]*\.?[0-9_]*(?:[eE][-+]?[0-9]+)?")


@dataclass(slots=True)
class Located:
    """Parsed data plus the (line, column) of each value and each mapping key, by path."""

    data: Any
    source: str
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    bools: list[tuple[Path, bool]] | None = None  # every bool with its path, where the reader noted them

    def where(self, path: Path, *, key: bool = False) -> tuple[int | None, int | None]:
        """Line and column (1-based) of `path`, or of its deepest known prefix."""
        if key and path in self.keys:
            return self.keys[path]
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return None, None


class _Limited(Composer, SafeConstructor, Resolver):
    """Events composed here under the limits; scalars built by the safe constructor."""

    peek_event: Any  # from the parser it is mixed with

    offsets_in_bytes = False  # how the event source reports the position of a reader error

    def __init__(self, source: str, limits: Limits) -> None:
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self.source = source
        self.limits = limits
        self.depth = 0
        self.count = 0

    def plain_tag(self, value: str) -> str:
        """The tag `value` gets when written plainly, without a tag or quotes."""
        tag: str = self.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
        return tag

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        """Compose one node, counting nodes and nesting before going deeper."""
        self.depth += 1
        self.count += 1
        try:
            if self.count > self.limits.max_nodes:
                raise _too_many(self.source, self.peek_event().start_mark, self.limits)
            if self.depth > self.limits.max_depth + 1:  # the root is at depth 0
                raise _too_deep(self.source, self.peek_event().start_mark, self.limits)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _PythonLoader(_Limited, Reader, Scanner, Parser):
    """PyYAML's own scanner and parser: no nesting limit of their own, so ours is the one that holds."""

    def __init__(self, text: str, source: str, limits: Limits) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        _Limited.__init__(self, source, limits)


_CParser: Any = getattr(cyaml, "CParser", None)


class _FastLoader(_Limited, _CParser or _PythonLoader):  # type: ignore[misc]
    """libyaml's scanner and parser where compiled in; PyYAML's own otherwise."""

    offsets_in_bytes = _CParser is not None

    def __init__(self, text: str, source: str, limits: Limits) -> None:
        if _CParser is None:
            _PythonLoader.__init__(self, text, source, limits)
            return
        _CParser.__init__(self, text)
        _Limited.__init__(self, source, limits)


def _fail(source: str, mark: yaml.Mark | None, code: str, message: str) -> InputError:
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    return InputError([Problem(code, message, file=source, line=line, column=column)])


def _fail_at(source: str, before: str, code: str, message: str) -> InputError:
    """An error at the position just after `before` (the text up to the offending character)."""
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    return InputError([Problem(code, message, file=source, line=line, column=column)])


def too_many_message(limits: Limits) -> str:
    """Why input with too many values is refused."""
    return f"meer dan {limits.max_nodes} waarden (alias-bom?); zie Limits.max_nodes"


def too_deep_message(limits: Limits) -> str:
    """Why input nested too deeply is refused."""
    return f"nesting dieper dan {limits.max_depth} niveaus; zie Limits.max_depth"


def _too_many(source: str, mark: yaml.Mark | None, limits: Limits) -> InputError:
    return _fail(source, mark, "too-many-nodes", too_many_message(limits))


def _too_deep(source: str, mark: yaml.Mark | None, limits: Limits) -> InputError:
    return _fail(source, mark, "too-deep", too_deep_message(limits))


def encoded(text: str, source: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """`text` as UTF-8, refusing lone surrogates and text over the size limit."""
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        message = f"ongeldig teken U+{ord(text[exc.start]):04X} (een losse surrogaat is geen Unicode)"
        raise _fail_at(source, text[: exc.start], "encoding", message) from None
    if len(raw) > limits.max_bytes:
        raise too_large(source, limits)
    return raw


def too_large(source: str, limits: Limits) -> InputError:
    """The error for input over `limits.max_bytes`."""
    message = f"bestand is groter dan {limits.max_bytes} bytes; zie Limits.max_bytes"
    return InputError([Problem("too-large", message, file=source)])


def _syntax(exc: yaml.YAMLError, text: str, raw: bytes, source: str, *, in_bytes: bool) -> InputError:
    if isinstance(exc, yaml.reader.ReaderError):
        offset = exc.position
        before = raw[:offset].decode("utf-8", "replace") if in_bytes else text[:offset]
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"ongeldige YAML: teken U+{code:04X} mag niet in YAML staan ({exc.reason})"
        return _fail_at(source, before, "yaml-syntax", message)
    if isinstance(exc, yaml.MarkedYAMLError):
        problem = exc.problem or str(exc)
        if exc.context and "anchor" in exc.context:
            problem = f"{exc.context}, {problem}"
        mark = exc.problem_mark or exc.context_mark
        if "tab" in problem or (mark is not None and text[mark.index : mark.index + 1] == "\t"):
            problem += " (een tab: spring in met spaties)"
        return _fail(source, mark, "yaml-syntax", f"ongeldige YAML: {problem}")
    return _fail(source, None, "yaml-syntax", f"ongeldige YAML: {exc}")


def parse(text: str, source: str, *, limits: Limits = DEFAULT_LIMITS) -> Located:
    """Parse YAML or JSON text into plain data with positions."""
    raw = encoded(text, source, limits)
    try:
        loader, node = _compose(_FastLoader, text, source, limits)
    except yaml.YAMLError as exc:
        if _CParser is None:
            raise _syntax(exc, text, raw, source, in_bytes=False) from None
        # libyaml refuses some input by limits of its own that differ between releases (PyYAML
        # 6.0.4 stops at a nesting depth of its own). PyYAML's own parser has none: read again
        # with it so that our limits, if crossed, are the answer whichever release is installed.
        # Otherwise libyaml's verdict stands (it is the stricter reader, e.g. of lone surrogates).
        with contextlib.suppress(yaml.YAMLError):
            _compose(_PythonLoader, text, source, limits)
        raise _syntax(exc, text, raw, source, in_bytes=True) from None
    located = Located(data=None, source=source)
    if node is not None:
        builder = _Builder(loader, located)
        located.data = builder.build(node, (), 0)
    return located


def _compose(kind: Any, text: str, source: str, limits: Limits) -> tuple[_Limited, yaml.Node | None]:
    """The node tree of `text`, composed under `limits` by a loader of `kind`."""
    loader = kind(text, source, limits)
    try:
        return loader, loader.get_single_node()
    finally:
        loader.dispose()


class _Builder:
    def __init__(self, loader: _Limited, located: Located) -> None:
        self.loader = loader
        self.located = located
        self.count = 0

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.count += 1
        source = self.located.source
        limits = self.loader.limits
        if self.count > limits.max_nodes:
            raise _too_many(source, node.start_mark, limits)
        if depth > limits.max_depth:
            raise _too_deep(source, node.start_mark, limits)
        if node.tag != _KIND_TAGS.get(type(node)) and not (isinstance(node, yaml.ScalarNode) and self._plain(node)):
            raise _fail(source, node.start_mark, "yaml-tag", f"YAML-tag '{node.tag}' is hier niet toegestaan")
        self.located.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _plain(self, node: yaml.ScalarNode) -> bool:
        """A standard scalar tag that matches the value as written (`!!null foo` would lose 'foo')."""
        if node.tag == _STR:
            return True
        return node.tag in _SCALAR_TAGS and node.tag == self.loader.plain_tag(node.value)

    def _scalar(self, node: yaml.Node) -> Any:
        source = self.located.source
        if (node.tag == _INT and not _DECIMAL_INT.fullmatch(node.value)) or (node.tag == _FLOAT and ":" in node.value):
            base = "octaal, hexadecimaal, binair of zestigtallig"
            message = f"'{node.value}' is in YAML 1.1 een getal ({base}): zet het tussen aanhalingstekens"
            raise _fail(source, node.start_mark, "yaml-number", message)
        try:
            if node.tag == _FLOAT and _FINITE.fullmatch(node.value):
                number = Decimal(node.value.replace("_", ""))  # from the text as written, never through float
            else:
                return self.loader.construct_object(node)
        except (yaml.YAMLError, ValueError, ArithmeticError, KeyError, AttributeError, TypeError) as exc:
            raise _fail(source, node.start_mark, "yaml-value", f"ongeldige waarde '{node.value}': {exc}") from None
        if too_many_digits(number):
            raise _fail(source, node.start_mark, "value-size", f"{NUMBER_DIGITS_MESSAGE}: '{node.value[:40]}'")
        return number

    def _mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        source = self.located.source
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _fail(source, key_node.start_mark, "yaml-merge", "merge-sleutels (<<) zijn niet toegestaan")
            key = self.build(key_node, (*path, "<key>"), depth + 1)
            if not isinstance(key, str):
                raise _fail(
                    source,
                    key_node.start_mark,
                    "key-type",
                    f"sleutel {key!r} moet tekst zijn: zet hem tussen aanhalingstekens",
                )
            if key in result:
                raise _fail(source, key_node.start_mark, "duplicate-key", f"sleutel '{key}' komt twee keer voor")
            child = (*path, key)
            self.located.keys[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, child, depth + 1)
        self.located.values.pop((*path, "<key>"), None)
        return result
