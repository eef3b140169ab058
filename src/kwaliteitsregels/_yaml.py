"""Safe YAML (and JSON) reading that remembers where every value stood.

Only plain data is built: mappings with string keys, sequences and standard scalars.
Custom tags, merge keys, duplicate keys, alias bombs and absurd nesting are rejected
with the file and line, never silently accepted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from kwaliteitsregels.errors import InputError, Problem

Path = tuple[str | int, ...]

MAX_DEPTH = 64
MAX_NODES = 200_000
MAX_BYTES = 5_000_000
_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)


@dataclass(slots=True)
class Located:
    """Parsed data plus the (line, column) of each value and each mapping key, by path."""

    data: Any
    source: str
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: Path, *, key: bool = False) -> tuple[int | None, int | None]:
        """Line and column (1-based) of `path`, or of its deepest known prefix."""
        if key and path in self.keys:
            return self.keys[path]
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return None, None


_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader (libyaml's when available) used only to compose nodes and build plain scalars."""


def _fail(source: str, mark: yaml.Mark | None, code: str, message: str) -> InputError:
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    return InputError([Problem(code, message, file=source, line=line, column=column)])


def parse(text: str, source: str) -> Located:
    """Parse YAML or JSON text into plain data with positions."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise _fail(source, None, "too-large", f"bestand is groter dan {MAX_BYTES} bytes")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        problem = exc.problem or str(exc)
        raise _fail(source, exc.problem_mark, "yaml-syntax", f"ongeldige YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise _fail(source, None, "yaml-syntax", f"ongeldige YAML: {exc}") from None
    finally:
        loader.dispose()
    located = Located(data=None, source=source)
    if node is not None:
        builder = _Builder(loader, located)
        located.data = builder.build(node, (), 0)
    return located


class _Builder:
    def __init__(self, loader: _Loader, located: Located) -> None:
        self.loader = loader
        self.located = located
        self.count = 0

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.count += 1
        source = self.located.source
        if self.count > MAX_NODES:
            raise _fail(source, node.start_mark, "too-many-nodes", f"meer dan {MAX_NODES} waarden (alias-bom?)")
        if depth > MAX_DEPTH:
            raise _fail(source, node.start_mark, "too-deep", f"nesting dieper dan {MAX_DEPTH} niveaus")
        if node.tag not in _STANDARD_TAGS:
            raise _fail(source, node.start_mark, "yaml-tag", f"YAML-tag '{node.tag}' is niet toegestaan")
        self.located.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        try:
            return self.loader.construct_object(node)
        except (yaml.YAMLError, ValueError) as exc:
            raise _fail(source, node.start_mark, "yaml-value", f"ongeldige waarde: {exc}") from None

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
