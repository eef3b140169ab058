"""`kwaliteitsregels rulesets` and `kwaliteitsregels schema`: what ships with the library."""

from __future__ import annotations

import click

from kwaliteitsregels.bundled import bundled_rulesets
from kwaliteitsregels.cli._group import LANG, echo
from kwaliteitsregels.cli._help import Command
from kwaliteitsregels.loading import load_ruleset
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.schemas import MODELS, schema_text


@click.command(cls=Command)
@click.argument("kind", type=click.Choice(sorted(MODELS)))
def schema(kind: str) -> None:
    """Toon het JSON Schema van ruleset, profile, report of test (testgevallen). / Print a JSON Schema."""
    echo(schema_text(kind), nl=False)


@click.command(cls=Command)
@LANG
def rulesets(lang: Lang) -> None:
    """Toon de meegeleverde regelsets. / List the bundled rulesets."""
    for name, path in bundled_rulesets().items():
        ruleset = load_ruleset(path)
        spec = ruleset.spec
        until = spec.valid_to.isoformat() if spec.valid_to else "…"
        window = f"{spec.valid_from.isoformat()}–{until}"
        echo(f"{name:<24} {spec.version:<12} {window:<22} {len(ruleset.requirements):>3}  {spec.title.get(lang)}")
