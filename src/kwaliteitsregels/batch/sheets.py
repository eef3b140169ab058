"""A workbook (`.xlsx`) or a folder of CSV files → one plain-data profile per provider, every cell placed.

One sheet (or file) holds the provider-level facts, one row per provider: `aanbieders` (or
`providers`; else the first sheet). Every other sheet is a list of items (`professionals`,
`registration.products`, `documents`, …) named by key or label, one row per item, keyed by the
provider in the column `aanbieder`. A nested list (`professionals.registrations`) names its
parent item's `id` in a column named after the parent list. Columns: `columns.py`; values: `values.py`.

Problems name the file, the sheet, the row and the column (`aanbieders.xlsx[Professionals]:14:3`) with
a suggestion. A problem in one provider's rows is that provider's; a sheet nobody can read, or a row
of a provider who is not in the provider sheet, is the intake's (`Workbook.problems`).
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kwaliteitsregels import _files, _validation
from kwaliteitsregels.batch.columns import KEY_COLUMNS, Column, Layout, Sheet, normal
from kwaliteitsregels.batch.values import EMPTY, Refusal, read
from kwaliteitsregels.errors import Problem, ProfileError
from kwaliteitsregels.limits import DEFAULT_LIMITS
from kwaliteitsregels.reporting.frame import require

PROVIDER_SHEETS = ("aanbieders", "providers")
Path_ = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Cell:
    """Where a value came from: file, sheet, row (1 = the header) and column (1 = A), and the header."""

    file: str
    sheet: str
    row: int
    column: int
    header: str

    def problem(self, code: str, message: str, *, path: str | None = None, suggestion: str | None = None) -> Problem:
        """A problem placed on this cell."""
        where = f"{self.file}[{self.sheet}]"
        return Problem(code, f"kolom '{self.header}': {message}", where, self.row, self.column, path, suggestion)


@dataclass(slots=True)
class Provider:
    """What the spreadsheet says about one provider: plain data, where each value came from, what is wrong."""

    key: str
    row: Cell
    data: dict[str, Any] = field(default_factory=dict)
    cells: dict[Path_, Cell] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


@dataclass(slots=True)
class Table:
    """One sheet or CSV file: its header and its rows (numbered as the reader sees them)."""

    file: str
    name: str
    header: list[str]
    rows: list[tuple[int, list[Any]]]


@dataclass(slots=True)
class Workbook:
    """The providers, in the order of the provider sheet, and the problems that belong to no provider."""

    providers: list[Provider]
    problems: list[Problem]


def tables_of(path: Path) -> list[Table]:
    """The sheets of a workbook, or the CSV files of a folder (UTF-8, `,` `;` or tab separated)."""
    if path.is_dir():
        return [_csv_table(file) for file in sorted(path.glob("*.csv"))]
    _files.regular(path, ProfileError)  # a pipe or device would make openpyxl wait or read without end
    _unpacked_size(path)
    require("openpyxl", path.name, extra="kwaliteitsregels[batch]")  # MissingExtraError: an intake problem
    from openpyxl import load_workbook  # type: ignore[import-untyped]  # noqa: PLC0415 - optional: only for a workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        return [_table(path.name, sheet.title, sheet.iter_rows(values_only=True)) for sheet in book.worksheets]
    finally:
        book.close()


UNPACKED_FACTOR = 20  # a workbook's sheets, unzipped, may be this many times `Limits.max_bytes` (100 MB)


def _unpacked_size(path: Path) -> None:
    """Refuse a workbook whose parts would unzip past the limit (a zip bomb), from the sizes its index declares.

    Reading a part never goes past its declared size (zipfile checks it), so the index is what bounds openpyxl.
    """
    limit = DEFAULT_LIMITS.max_bytes * UNPACKED_FACTOR
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return  # not a zip at all: openpyxl says what it is not
    if total > limit:
        message = f"werkboek pakt uit tot {total} bytes, meer dan {limit}; zie Limits.max_bytes"
        raise ProfileError([Problem("too-large", message, file=str(path))])


def _table(file: str, name: str, rows: Iterator[tuple[Any, ...]] | Iterator[list[str]]) -> Table:
    header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
    body = [(number, list(values)) for number, values in enumerate(rows, start=2) if any(_filled(v) for v in values)]
    return Table(file, name, header, body)


def _csv_table(file: Path) -> Table:
    text = _files.read_bytes(file, ProfileError, DEFAULT_LIMITS).decode("utf-8-sig")  # regular, bounded
    try:
        dialect: Any = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return _table(file.name, file.stem, csv.reader(text.splitlines(), dialect))


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def read_workbook(path: Path, layout: Layout) -> Workbook:
    """Every provider of a workbook or CSV folder, with its data and problems."""
    tables = tables_of(path)
    book = Workbook([], [])
    first = next((t for t in tables if normal(t.name) in PROVIDER_SHEETS), None)
    first = first or next((t for t in tables if layout.sheet(t.name) is None), None)
    if first is None:
        message = f"geen blad met aanbieders in {path.name}"
        book.problems.append(Problem("no-provider-sheet", message, str(path), suggestion="een blad 'aanbieders'"))
        return book
    by_key = _providers(first, layout.provider, book)
    known = {s.key: s for s in layout.sheets}
    ordered = sorted((t for t in tables if t is not first), key=lambda t: _order(t, layout))
    for table in ordered:
        sheet = layout.sheet(table.name)
        if sheet is None:
            names = [s.key for s in layout.sheets]
            hint = _validation.closest(table.name, names) or ", ".join(names)
            message = f"blad '{table.name}' is geen lijst uit het profiel"
            book.problems.append(Problem("unknown-sheet", message, f"{table.file}[{table.name}]", 1, None, None, hint))
            continue
        _items(table, sheet, known, by_key, book)
    return book


def _order(table: Table, layout: Layout) -> int:
    sheet = layout.sheet(table.name)
    return layout.sheets.index(sheet) if sheet is not None else -1


def _key_column(table: Table, book: Workbook) -> int | None:
    found = next((i for i, h in enumerate(table.header) if normal(h) in KEY_COLUMNS), None)
    if found is None:
        message = "elk blad heeft een kolom 'aanbieder' die zegt bij welke aanbieder een rij hoort"
        book.problems.append(
            Problem("no-key-column", message, f"{table.file}[{table.name}]", 1, None, None, "aanbieder")
        )
    return found


def _providers(table: Table, sheet: Sheet, book: Workbook) -> dict[str, Provider]:
    key_at = _key_column(table, book)
    if key_at is None:
        return {}
    columns = _columns(table, sheet, skip=key_at)
    found: dict[str, Provider] = {}
    for number, values in table.rows:
        key = str(_at(values, key_at) or "").strip()
        cell = Cell(table.file, table.name, number, key_at + 1, table.header[key_at])
        provider = Provider(key, cell)
        if not key:
            provider.problems.append(
                cell.problem("no-provider-key", "lege sleutel", suggestion="de naam of het kenmerk")
            )
        elif key in found:
            message = f"aanbieder '{key}' staat al op rij {found[key].row.row}"
            provider.problems.append(cell.problem("duplicate-provider", message, suggestion="één rij per aanbieder"))
            found[key].problems.append(found[key].row.problem("duplicate-provider", f"'{key}' staat er twee keer"))
        book.providers.append(provider)
        found.setdefault(key, provider)
        _fill(provider, provider.data, (), values, columns, table, number)
    return found


def _items(table: Table, sheet: Sheet, known: dict[str, Sheet], by_key: dict[str, Provider], book: Workbook) -> None:
    key_at = _key_column(table, book)
    if key_at is None:
        return
    parent = known.get(".".join(sheet.path[:-1])) if len(sheet.path) > 1 else None
    parent_at = _parent_column(table, parent) if parent is not None else None
    columns = _columns(table, sheet, skip=key_at, also=parent_at)
    for number, values in table.rows:
        key = str(_at(values, key_at) or "").strip()
        provider = by_key.get(key)
        cell = Cell(table.file, table.name, number, key_at + 1, table.header[key_at])
        if provider is None:
            hint = _validation.closest(key, list(by_key))
            book.problems.append(
                cell.problem("unknown-provider", f"aanbieder '{key}' staat niet in het aanbiedersblad", suggestion=hint)
            )
            continue
        target = _target(provider, sheet, parent, parent_at, values, cell, table)
        if target is None:
            continue
        container, prefix = target
        item: dict[str, Any] = {}
        container.append(item)
        here = (*prefix, len(container) - 1)
        provider.cells[here] = cell
        _fill(provider, item, here, values, columns, table, number)


def _target(  # noqa: PLR0913, PLR0917 - one row's context
    provider: Provider,
    sheet: Sheet,
    parent: Sheet | None,
    parent_at: int | None,
    values: list[Any],
    cell: Cell,
    table: Table,
) -> tuple[list[Any], Path_] | None:
    """The list the row's item goes into, and its path in the profile."""
    if parent is None:
        return _list_at(provider.data, sheet.path), sheet.path
    if parent_at is None:
        message = f"een rij van '{sheet.key}' noemt het kenmerk (id) van het item in '{parent.key}' waar hij bij hoort"
        provider.problems.append(cell.problem("no-parent-column", message, suggestion=parent.key))
        return None
    wanted = str(_at(values, parent_at) or "").strip()
    items = _list_at(provider.data, parent.path)
    index = next((i for i, item in enumerate(items) if str(item.get("id", "")) == wanted), None)
    if index is None:
        where = Cell(cell.file, cell.sheet, cell.row, parent_at + 1, table.header[parent_at])
        hint = _validation.closest(wanted, [str(i.get("id", "")) for i in items])
        provider.problems.append(
            where.problem("unknown-parent", f"'{wanted}' staat niet in '{parent.key}'", suggestion=hint)
        )
        return None
    inner: Path_ = (*parent.path, index, sheet.path[-1])
    return _list_at(items[index], (sheet.path[-1],)), inner


def _parent_column(table: Table, parent: Sheet) -> int | None:
    names = {normal(parent.key), normal(f"{parent.key}.id"), *(n for n in parent.names())}
    return next((i for i, h in enumerate(table.header) if normal(h) in names), None)


_Columns = dict[int, tuple[Column | None, Problem | None]]


def _columns(table: Table, sheet: Sheet, *, skip: int, also: int | None = None) -> _Columns:
    """Each header → its column, or the problem a filled cell under it will have."""
    found: _Columns = {}
    for index, header in enumerate(table.header):
        if index in {skip, also}:
            continue
        column, shared = sheet.column(header)
        cell = Cell(table.file, table.name, 1, index + 1, header)
        if column is not None:
            found[index] = (column, None)
        elif shared:
            found[index] = (
                None,
                cell.problem("ambiguous-column", "deze naam hoort bij meer gegevens", suggestion=" of ".join(shared)),
            )
        else:
            hint = _validation.closest(header, sheet.all_names()) or _validation.closest(
                normal(header), sheet.all_names()
            )
            found[index] = (
                None,
                cell.problem("unknown-column", "geen gegeven uit het profiel of de woordenlijsten", suggestion=hint),
            )
    return found


def _fill(  # noqa: PLR0913, PLR0917 - one row's context
    provider: Provider,
    target: dict[str, Any],
    prefix: Path_,
    values: list[Any],
    columns: _Columns,
    table: Table,
    number: int,
) -> None:
    for index, (column, refused) in columns.items():
        value = _at(values, index)
        if not _filled(value):
            continue
        cell = Cell(table.file, table.name, number, index + 1, table.header[index])
        if column is None:
            assert refused is not None  # noqa: S101 - a header is either a column or a refusal
            provider.problems.append(_moved(refused, number))
            continue
        read_value = read(value, column.kind)
        path = (*prefix, *column.path)
        if isinstance(read_value, Refusal):
            provider.problems.append(
                cell.problem(
                    "unreadable-cell", read_value.message, path=_dotted(path), suggestion=read_value.suggestion
                )
            )
        elif read_value is not EMPTY:
            _put(target, column.path, read_value)
            provider.cells[path] = cell


def _moved(problem: Problem, row: int) -> Problem:
    """The header's problem, placed on the filled cell of `row`."""
    return Problem(problem.code, problem.message, problem.file, row, problem.column, problem.path, problem.suggestion)


def _put(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        target = target.setdefault(part, {})
    target[path[-1]] = value


def _list_at(target: dict[str, Any], path: Path_) -> list[Any]:
    for part in path[:-1]:
        target = target.setdefault(str(part), {})
    found: list[Any] = target.setdefault(str(path[-1]), [])
    return found


def _at(values: list[Any], index: int) -> Any:
    return values[index] if index < len(values) else None


def _dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
