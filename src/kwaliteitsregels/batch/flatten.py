"""Profiles → the sheets the intake reads: the way back, for examples, benchmarks and round-trip tests.

`tables(profiles, layout)` gives, per sheet (key), a header and rows: the provider sheet with one
column per fact that any provider has, and a sheet per list of items. Lists of values are joined
with `; `. Writing them: `write_csv` (a folder) or `write_xlsx` (a workbook).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from kwaliteitsregels.batch.columns import KEY_COLUMNS, Layout, Sheet
from kwaliteitsregels.batch.sheets import PROVIDER_SHEETS

KEY = KEY_COLUMNS[0]
Tables = dict[str, tuple[list[str], list[list[Any]]]]


def tables(profiles: Sequence[tuple[str, dict[str, Any]]], layout: Layout) -> Tables:
    """(key, plain profile) pairs → {sheet: (header, rows)}; the provider sheet first."""
    rows: dict[str, list[dict[str, Any]]] = {PROVIDER_SHEETS[0]: []}
    for key, data in profiles:
        rows[PROVIDER_SHEETS[0]].append({KEY: key, **_flat(data, layout.provider, layout, key, rows, ())})
    out: Tables = {}
    for name, items in rows.items():
        header: list[str] = []
        for item in items:
            header += [k for k in item if k not in header]
        out[name] = (header, [[item.get(h) for h in header] for item in items])
    return out


def _flat(  # noqa: PLR0913, PLR0917 - the walk's state
    data: dict[str, Any],
    sheet: Sheet,
    layout: Layout,
    key: str,
    rows: dict[str, list[dict[str, Any]]],
    base: tuple[str, ...],
) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for column in sheet.columns:
        value = _get(data, column.path)
        if value is not None:
            flat[column.key] = _cell(value)
    for prefix in sheet.free:
        for name, value in (_get(data, prefix) or {}).items():
            flat[".".join((*prefix, name))] = _cell(value)
    for child in layout.sheets:
        if not _child_of(child.path, base, layout):
            continue
        inner = child.path[len(base) :]
        for item in _get(data, inner) or []:
            flat_item = {KEY: key, **_flat(item, child, layout, key, rows, child.path)}
            rows.setdefault(child.key, []).append(flat_item)
            if base:
                flat_item[".".join(base)] = data.get("id")
    return flat


def _child_of(path: tuple[str, ...], base: tuple[str, ...], layout: Layout) -> bool:
    """Whether the list at `path` lies directly in `base` (the provider, or a list's item), not deeper."""
    if path[: len(base)] != base or path == base:
        return False
    return not any(len(base) < len(s.path) < len(path) and path[: len(s.path)] == s.path for s in layout.sheets)


def _get(data: dict[str, Any], path: Sequence[str]) -> Any:
    for part in path:
        if not isinstance(data, dict):
            return None
        data = data.get(part)  # type: ignore[assignment]
    return data


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(_cell(v)) for v in value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def write_csv(found: Tables, folder: Path) -> None:
    """One CSV file per sheet (UTF-8, `;` as Dutch spreadsheets write it)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (header, body) in found.items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file, delimiter=";")
            writer.writerow(header)
            writer.writerows([["" if v is None else v for v in row] for row in body])


def write_xlsx(found: Tables, path: Path) -> None:
    """One workbook, a sheet per list."""
    from openpyxl import Workbook  # type: ignore[import-untyped]  # noqa: PLC0415 - optional extra

    book = Workbook(write_only=True)
    for name, (header, body) in found.items():
        sheet = book.create_sheet(name[:31])
        sheet.append(header)
        for row in body:
            sheet.append(row)
    book.save(path)
