"""Shared for the report tests: the examples, their reports, and an HTML reader."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from click.testing import CliRunner

import kwaliteitsregels as kr
from kwaliteitsregels.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
PEILDATUM = date(2026, 11, 23)


@cache
def twente() -> kr.CompiledRuleset:
    return kr.load_ruleset("twente")


@cache
def example_report(name: str) -> kr.Report:
    return kr.evaluate(twente(), kr.load_profile(ROOT / "examples" / f"{name}.yaml"), PEILDATUM)


@cache
def hostile_report() -> kr.Report:
    ruleset = kr.load_ruleset(FIXTURES / "hostile-ruleset.yaml")
    return kr.evaluate(ruleset, kr.load_profile(FIXTURES / "hostile-profile.yaml"), PEILDATUM)


def cli_report(tmp_path: Path, profile: Path, *options: str, ruleset: str = "twente") -> str:
    out = tmp_path / "uit"
    args = ["report", str(profile), "--ruleset", ruleset, "--peildatum", PEILDATUM.isoformat(), "-o", str(out)]
    result = CliRunner().invoke(main, [*args, *options])
    assert result.exit_code == 0, result.output
    return out.read_text("utf-8")


class Page(HTMLParser):
    """Every start tag with its attributes, and the text as a reader sees it (no soft hyphens), of an HTML document."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data.replace("\u00ad", ""))

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def markdown_rows(text: str) -> list[list[str]]:
    """The cells of every Markdown table row, split on unescaped pipes."""
    rows = []
    for line in text.splitlines():
        if line.startswith("|"):
            cells: Any = re.split(r"(?<!\\)\|", line.strip())
            rows.append([c.strip() for c in cells[1:-1]])
    return rows
