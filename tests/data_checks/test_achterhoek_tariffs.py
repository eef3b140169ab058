"""Achterhoek 2019: tariffs.yaml (the lookup table of M2) is exactly the projection of products.yaml.

tariffs.yaml holds the rows of products.yaml that have a product code 2019, in the same order, with the
columns lot, code, unit, max_tariff_eur, fixed_tariff_eur and line. It exists only because the compiler
refuses a value_from lookup over a table whose key is empty in some row (the three lapsed products); see
decision tarieftabel in rulesets/achterhoek-2019/ruleset.yaml.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).parents[2] / "rulesets" / "achterhoek-2019"
COLUMNS = ("lot", "code", "unit", "max_tariff_eur", "fixed_tariff_eur", "line")


class _DecimalLoader(yaml.SafeLoader):
    """SafeLoader that keeps YAML floats as Decimal, so 45.60 stays 45.60."""


def _decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal:
    assert isinstance(node, yaml.ScalarNode)
    return Decimal(loader.construct_scalar(node))


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _decimal)


def _load(name: str) -> list[dict[str, Any]]:
    rows = yaml.load((DATA / name).read_text("utf-8"), Loader=_DecimalLoader)  # noqa: S506 - SafeLoader subclass
    assert isinstance(rows, list)
    return rows


def test_tariffs_are_the_coded_rows_of_products_with_the_columns_m2_needs() -> None:
    products = _load("products.yaml")
    tariffs = _load("tariffs.yaml")
    expected = [{column: row[column] for column in COLUMNS} for row in products if row["code"] is not None]
    assert tariffs == expected
    assert len(tariffs) == 91
    assert len(products) - len(tariffs) == 3  # 08A04, 42A04 and 45A05 lapse on 1 January 2019


def test_amounts_keep_their_printed_decimals() -> None:
    for row in _load("tariffs.yaml"):
        amounts = [row[key] for key in ("max_tariff_eur", "fixed_tariff_eur") if row[key] is not None]
        assert len(amounts) == 1, row
        assert amounts[0].as_tuple().exponent == -2, row
