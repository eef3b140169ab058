"""Achterhoek 2019: every value in rulesets/achterhoek-2019/{products,lots}.yaml is re-read from the seed.

The seed is the PDF text of the Achterhoek procurement document 2019. It lives outside the repository
(`/work/shared/seeds/`); the tests are skipped when it is absent.

How a table row is found again
- `line` is the seed line holding the row's codes and amounts. Every code of the row must stand on it,
  in column order (code 2018, CAK 2018, code 2019, CAK 2019), and nothing else that looks like a code
  may stand there after the product name ("n.v.t.", "Nvt" and "Vervalt" mark the empty columns).
- The amounts must stand on that line, in column order, in Dutch notation ("€0,76", "€ 0,76",
  "€1.098,00"). One wrap is allowed: when the next line holds nothing but amounts (lot 9's per-hour
  column, lines 7119 and 7125), those amounts belong to the row too.
- The name either starts the line or is the block of non-blank lines directly above it.

Text is compared after the PDF line breaks are undone the same way the YAML files describe: blank lines
dropped, lines stripped and joined with one space, runs of spaces collapsed, and a line ending in a
letter + "-" joined to the next without a space.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).parents[2]
SEED = Path(__file__).parents[2].parent / "shared" / "seeds" / "003_21f967ad4be776cb.txt"
DATA = ROOT / "rulesets" / "achterhoek-2019"
CHAPTER_7 = 3025  # "7 Specifiek programma van Eisen"

pytestmark = pytest.mark.skipif(
    not SEED.is_file(),
    reason=f"the Achterhoek seed document is not available at {SEED} (it is kept outside the repository)",
)

LAWS = {"Wmo": "wmo", "Jeugdhulp": "jeugdwet"}
CODE_FIELDS = ("code_2018", "cak_code_2018", "code", "cak_code")
EMPTY_CELL = {"n.v.t.", "n.v.t", "Nvt", "Vervalt"}
PRODUCT_CODE = re.compile(r"\b(?:\d{2}[AB]\d{2}|\d{5})\b")
AMOUNT = re.compile(r"€\s*(\d{1,3}(?:\.\d{3})*,\d{2})")
HEADING = re.compile(r"^\s*(\d+(?:\.\d+)+)\.?\s+[A-Z]")
TABLE_HEADING = re.compile(r"^\s*(Wmo|Jeugdhulp)-product(?:en)?:?\s*$")
TARIFF_SECTION = re.compile(r"^\s*(7(?:\.\d+)+)\s+Tarieven en producten")
PRODUCT_HEADING_CODES = re.compile(r"^\s*(?:Wmo|Jeugdhulp):")


# ---------------------------------------------------------------- loading


class _DecimalLoader(yaml.SafeLoader):
    """SafeLoader that keeps YAML floats as Decimal, so 45.60 stays 45.60."""


def _decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal:
    assert isinstance(node, yaml.ScalarNode)
    return Decimal(loader.construct_scalar(node))


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _decimal)


def _load(name: str) -> Any:
    return yaml.load((DATA / name).read_text("utf-8"), Loader=_DecimalLoader)  # noqa: S506 - SafeLoader subclass


PRODUCTS: list[dict[str, Any]] = _load("products.yaml")
LOTS_DOC: dict[str, Any] = _load("lots.yaml")
LOTS: list[dict[str, Any]] = LOTS_DOC["lots"]


@cache
def seed() -> list[str]:
    return SEED.read_text("utf-8").splitlines()


def seed_line(n: int) -> str:
    return seed()[n - 1]


def join_with_bounds(lines: list[str]) -> tuple[str, set[int], set[int]]:
    """Undo the PDF line breaks (see the module docstring); also give the offsets where lines start and end."""
    out = ""
    starts: set[int] = set()
    ends: set[int] = set()
    for raw in lines:
        text = " ".join(raw.split())
        if not text:
            continue
        if out and not re.search(r"[^\W\d_]-$", out):
            out += " "
        starts.add(len(out))
        out += text
        ends.add(len(out))
    return out, starts, ends


def join(lines: list[str]) -> str:
    return join_with_bounds(lines)[0]


def whole_lines_in(text: str, lines: list[str]) -> bool:
    """Whether `text` occurs in the joined `lines` starting at the start of a line and ending at the end of one."""
    joined, starts, ends = join_with_bounds(lines)
    return any(m.start() in starts and m.end() in ends for m in re.finditer(re.escape(text), joined))


def norm(text: str) -> str:
    return " ".join(text.split())


@cache
def headings() -> list[tuple[int, str]]:
    """(line, number) of every numbered heading. A number must continue the current chapter or start the
    next one, which drops wrapped cross-references such as line 4045 "5.3.1. Deze uren …"."""
    found: list[tuple[int, str]] = []
    chapter = 0
    for n, text in enumerate(seed(), start=1):
        m = HEADING.match(text)
        if m:
            top = int(m.group(1).split(".")[0])
            if chapter <= top <= chapter + 1:
                found.append((n, m.group(1)))
                chapter = top
    return found


def section_of(n: int) -> str:
    current = ""
    for line, number in headings():
        if line > n:
            break
        current = number
    return current


def next_heading_after(n: int) -> int:
    return next((line for line, _ in headings() if line > n), len(seed()) + 1)


@cache
def tables() -> list[tuple[int, str, str]]:
    """(line, section, law) of every tariff table in chapter 7, read from the seed."""
    found: list[tuple[int, str, str]] = []
    section = ""
    for n in range(CHAPTER_7, len(seed()) + 1):
        text = seed_line(n)
        m = TARIFF_SECTION.match(text)
        if m:
            section = m.group(1)
        m = TABLE_HEADING.match(text)
        if m:
            assert section, f"table heading outside a 'Tarieven en producten' section at line {n}"
            assert section_of(n) == section, f"line {n}: table heading after {section} belongs to {section_of(n)}"
            found.append((n, section, LAWS[m.group(1)]))
    return found


def table_of(n: int) -> tuple[int, str, str]:
    """The table a seed line belongs to: the last table heading above it."""
    return [t for t in tables() if t[0] <= n][-1]


def table_end(start: int) -> int:
    """First line after the table that starts at `start`: the next table or numbered heading."""
    later = [t[0] for t in tables() if t[0] > start]
    return min([*later, next_heading_after(start)])


def data_lines(start: int, end: int) -> list[int]:
    """Seed lines in [start, end) that hold a table row: a product code together with an amount or 'Vervalt'."""
    return [
        n
        for n in range(start, end)
        if PRODUCT_CODE.search(seed_line(n)) and ("€" in seed_line(n) or "Vervalt" in seed_line(n))
    ]


def dutch(amount: Decimal) -> str:
    """Decimal → Dutch notation without the euro sign: 1098.00 → '1.098,00'."""
    exponent = amount.as_tuple().exponent
    assert exponent == -2, f"{amount} must be written with two decimals, as printed"
    units, cents = f"{amount:.2f}".split(".")
    return f"{int(units):,}".replace(",", ".") + "," + cents


def row_id(row: dict[str, Any]) -> str:
    return f"lot{row['lot']}-{row['code'] or row['code_2018']}-{row['line']}"


def row_tail(text: str) -> list[str]:
    """Tokens of a data line from the first code column on (the name may stand before it)."""
    tokens = text.split()
    first = next(i for i, t in enumerate(tokens) if PRODUCT_CODE.fullmatch(t) or t in EMPTY_CELL)
    return tokens[first:]


def is_vervalt(row: dict[str, Any]) -> bool:
    return row["code"] is None and row["max_tariff_eur"] is None and row["fixed_tariff_eur"] is None


# ---------------------------------------------------------------- products.yaml, row by row


@pytest.mark.parametrize("row", PRODUCTS, ids=row_id)
def test_row_codes_stand_on_their_line_in_column_order(row: dict[str, Any]) -> None:
    for field in CODE_FIELDS:
        assert row[field] is None or isinstance(row[field], str), f"{field} must be quoted as a string"
    expected = [row[f] for f in CODE_FIELDS if row[f] is not None]
    printed = [t for t in row_tail(seed_line(row["line"])) if not t.startswith("€") and t not in EMPTY_CELL]
    assert printed == expected, f"line {row['line']}: {seed_line(row['line'])!r}"


@pytest.mark.parametrize("row", PRODUCTS, ids=row_id)
def test_row_amounts_stand_on_their_line_in_dutch_notation(row: dict[str, Any]) -> None:
    n = row["line"]
    printed = AMOUNT.findall(seed_line(n))
    following = seed_line(n + 1)
    if following.strip() and not AMOUNT.sub("", following).strip():  # a wrapped amount column
        printed += AMOUNT.findall(following)
    expected = [
        dutch(row[key])
        for key in ("max_tariff_eur", "max_tariff_per_hour_eur", "fixed_tariff_eur", "fixed_tariff_per_hour_eur")
        if row[key] is not None
    ]
    assert printed == expected, f"line {n}: {seed_line(n)!r}"
    if is_vervalt(row):
        assert "Vervalt" in seed_line(n)
        assert row["remark"] == "Vervalt per 1 januari 2019"


@pytest.mark.parametrize("row", PRODUCTS, ids=row_id)
def test_row_tariff_kind_and_unit(row: dict[str, Any]) -> None:
    has_max = row["max_tariff_eur"] is not None
    has_fixed = row["fixed_tariff_eur"] is not None
    assert not (has_max and has_fixed)
    assert row["max_tariff_per_hour_eur"] is None or has_max
    assert row["fixed_tariff_per_hour_eur"] is None or has_fixed
    if is_vervalt(row):
        assert row["unit"] is None
        assert row["unit_line"] is None
        return
    assert has_max or has_fixed
    if row["max_tariff_per_hour_eur"] is not None or row["fixed_tariff_per_hour_eur"] is not None:
        assert row["unit"] == "minuut"
    assert row["unit"] in {"minuut", "dagdeel", "etmaal", "stuk", "traject"}
    assert CHAPTER_7 <= row["unit_line"] < table_end(table_of(row["line"])[0])
    assert row["unit"] in seed_line(row["unit_line"]).lower()
    # 5.3 (line 1352): maximum tariffs, except transport and lot 9. Fixed tariffs are marked "Vast tarief"
    # in the column heading (lot 9) or in the row's remark (transport).
    start = table_of(row["line"])[0]
    first_row = min(r["line"] for r in PRODUCTS if table_of(r["line"])[0] == start)
    marked = "Vast tarief" in join(seed()[start - 1 : first_row - 1]) or "Vast tarief" in (row["remark"] or "")
    assert has_fixed == marked
    assert has_fixed == (row["lot"] == "9" or row["name"] == "Vervoer")


@pytest.mark.parametrize("row", PRODUCTS, ids=row_id)
def test_row_name_is_printed_with_the_row(row: dict[str, Any]) -> None:
    n = row["line"]
    name = row["name"]
    assert name == norm(name)
    if join([seed_line(n)]).startswith(name + " "):
        return
    k = n - 1
    while not seed_line(k).strip():
        k -= 1
    block: list[str] = []
    while seed_line(k).strip() and "€" not in seed_line(k):
        block.insert(0, seed_line(k))
        k -= 1
    assert norm(" ".join(block)) == name, f"lines {k + 1}–{n - 1}"


@pytest.mark.parametrize("row", PRODUCTS, ids=row_id)
def test_row_lot_law_section_and_remark(row: dict[str, Any]) -> None:
    n = row["line"]
    start, section, law = table_of(n)
    assert row["section"] == section == section_of(n)
    assert row["law"] == law
    assert n < table_end(start)
    table_head = [seed_line(k).strip() for k in range(start, n)]
    assert f"Perceel {row['lot']}" in table_head
    if row["remark"] is not None:  # a whole cell or footnote: it starts and ends with a seed line
        assert whole_lines_in(row["remark"], seed()[start - 1 : table_end(start) - 1])


def test_per_hour_figures_are_sixty_times_the_per_minute_figures() -> None:
    """A reading check on the printed figures; the YAML holds both as printed, nothing is derived."""
    pairs = [
        (row[minute], row[hour])
        for row in PRODUCTS
        for minute, hour in (
            ("max_tariff_eur", "max_tariff_per_hour_eur"),
            ("fixed_tariff_eur", "fixed_tariff_per_hour_eur"),
        )
        if row[hour] is not None
    ]
    assert len(pairs) == 15
    for minute, hour in pairs:
        assert minute * 60 == hour


# ---------------------------------------------------------------- products.yaml, as a whole


def test_every_tariff_table_and_every_row_of_chapter_7_is_covered() -> None:
    """Tables are found by their heading ("Wmo-producten:", "Jeugdhulp-product", …) under a
    "7.x Tarieven en producten" section; rows by a product code next to an amount or "Vervalt"."""
    found = tables()
    yaml_tables = {(row["section"], row["law"], row["lot"]) for row in PRODUCTS}
    assert Counter((section, law) for _, section, law in found) == Counter((s, law) for s, law, _ in yaml_tables)
    tariff_sections = {m.group(1) for text in seed() if (m := TARIFF_SECTION.match(text))}
    assert {section for _, section, _ in found} == tariff_sections
    assert len(found) == 14
    for start, section, law in found:
        rows = [r["line"] for r in PRODUCTS if table_of(r["line"])[0] == start]
        assert rows == data_lines(start, table_end(start)), f"table at line {start} ({section}, {law})"
    assert [r["line"] for r in PRODUCTS] == sorted(r["line"] for r in PRODUCTS), "rows must be in document order"
    assert len(PRODUCTS) == len({r["line"] for r in PRODUCTS}) == 94


def test_product_codes_are_unique() -> None:
    """Each table row is one product; a code (2018 or 2019, product or CAK) identifies one product."""
    for field in CODE_FIELDS:
        codes = [row[field] for row in PRODUCTS if row[field] is not None]
        duplicates = [code for code, count in Counter(codes).items() if count > 1]
        assert not duplicates, f"{field}: {duplicates}"
    wmo = {row["code"] for row in PRODUCTS if row["law"] == "wmo"}
    jeugd = {row["code"] for row in PRODUCTS if row["law"] == "jeugdwet"}
    assert wmo & jeugd <= {None}


def test_codes_under_product_headings_are_in_the_tables_under_the_same_law() -> None:
    """Lines like "Wmo: 02A06 | Jeugdhulp: 45A08" under the product headings of chapter 7."""
    by_law = {(row["code"], row["law"]) for row in PRODUCTS}
    seen = 0
    for n in range(CHAPTER_7, len(seed()) + 1):
        if not PRODUCT_HEADING_CODES.match(seed_line(n)):
            continue
        for part in seed_line(n).split("|"):
            m = re.match(r"\s*(Wmo|Jeugdhulp):?\s*(.*)", part)
            assert m, f"line {n}: {part!r}"
            for code in PRODUCT_CODE.findall(m.group(2)):
                assert (code, LAWS[m.group(1)]) in by_law, f"line {n}: {code}"
                seen += 1
    assert seen >= 40


# ---------------------------------------------------------------- lots.yaml


def _sources() -> list[tuple[str, dict[str, Any]]]:
    found = [("top/municipalities", s) for s in LOTS_DOC["municipalities_source"]]
    keys = (
        "laws_source",
        "municipalities_source",
        "requires_lots_source",
        "staff_requirements",
        "provider_requirements",
        "notes",
    )
    for lot in LOTS:
        found += [(f"lot{lot['id']}/{key}/{s['line']}", s) for key in keys for s in lot[key]]
    return found


SOURCES = _sources()


@pytest.mark.parametrize(("where", "source"), SOURCES, ids=[w for w, _ in SOURCES])
def test_quotes_are_verbatim_and_start_on_their_line(where: str, source: dict[str, Any]) -> None:
    n = source["line"]
    quote = norm(source["quote"])
    text = join(seed()[n - 1 : n + 40])
    at = text.find(quote)
    assert at != -1, f"{where}: not found from line {n}: {text[:200]!r}"
    assert at < len(join([seed_line(n)])), f"{where}: the quote does not start on line {n}"
    assert source["section"] == section_of(n), f"{where}: line {n} is in {section_of(n)}"


def test_lot_ids_match_the_product_lots_in_order() -> None:
    assert [lot["id"] for lot in LOTS] == list(dict.fromkeys(row["lot"] for row in PRODUCTS))


@pytest.mark.parametrize("lot", LOTS, ids=lambda lot: f"lot{lot['id']}")
def test_lot_heading_laws_and_codes(lot: dict[str, Any]) -> None:
    number = lot["id"].rstrip("ab")
    assert join([seed_line(lot["line"])]) == f"{lot['section']} Perceel {number}: {lot['title']}"
    assert (lot["line"], lot["section"]) in headings()
    if lot["subtitle"] is not None:
        pairs = [(seed_line(n).strip(), seed_line(n + 1).strip()) for n in range(CHAPTER_7, len(seed()))]
        assert (f"Perceel {lot['id']}", lot["subtitle"]) in pairs
    products = [row for row in PRODUCTS if row["lot"] == lot["id"]]
    assert set(lot["laws"]) == {row["law"] for row in products}
    codes = {row["code"] for row in products}
    for item in lot["staff_requirements"] + lot["provider_requirements"]:
        assert item["codes"], f"line {item['line']}"
        assert set(item["codes"]) <= codes, f"line {item['line']}: {set(item['codes']) - codes}"


def test_municipalities() -> None:
    eight = LOTS_DOC["municipalities"]
    assert len(set(eight)) == 8
    listing = [s for s in LOTS_DOC["municipalities_source"] if any(name in s["quote"] for name in eight)]
    assert len(listing) == 3
    for source in listing:
        assert all(name in norm(source["quote"]) for name in eight), source["line"]
    for lot in LOTS:
        if lot["municipalities"] is None:
            assert lot["municipalities_source"] == []
            continue
        assert set(lot["municipalities"]) < set(eight)
        assert lot["municipalities_source"]
        for source in lot["municipalities_source"]:
            quote = norm(source["quote"])
            assert all(name in quote for name in lot["municipalities"]), source["line"]
            restricted = [name for name in eight if name not in lot["municipalities"]]
            assert not any(name in quote for name in restricted) or "eigen inkoop" in quote, source["line"]
    assert [lot["id"] for lot in LOTS if lot["municipalities"] is not None] == ["9"]


def test_required_lot_combinations() -> None:
    ids = {lot["id"] for lot in LOTS}
    for lot in LOTS:
        assert set(lot["requires_lots"]) <= ids - {lot["id"]}
        for required in lot["requires_lots"]:
            assert any(f"erceel {required}" in s["quote"] for s in lot["requires_lots_source"])
    assert {lot["id"]: lot["requires_lots"] for lot in LOTS if lot["requires_lots"]} == {"3a": ["1"]}
