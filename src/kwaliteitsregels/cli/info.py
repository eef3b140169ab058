"""`kwaliteitsregels rulesets` and `kwaliteitsregels schema`: what ships with the library."""

from __future__ import annotations

import click

from kwaliteitsregels.bundled import bundled_rulesets
from kwaliteitsregels.cli._group import LANG, echo
from kwaliteitsregels.cli._help import Command
from kwaliteitsregels.facts.building import union
from kwaliteitsregels.loading import load_ruleset
from kwaliteitsregels.messages import Lang
from kwaliteitsregels.schemas import MODELS, profile_schema_text, schema_text


@click.command(cls=Command)
@click.argument("kind", type=click.Choice(sorted(MODELS)))
@click.option(
    "--ruleset",
    "-r",
    "ruleset_names",
    multiple=True,
    help="Bij profile: met de gegevens uit de woordenlijsten van deze regelset(s). / With these rulesets' facts.",
)
def schema(kind: str, ruleset_names: tuple[str, ...]) -> None:
    """Toon het JSON Schema van ruleset, profile, report of test (testgevallen). / Print a JSON Schema."""
    if not ruleset_names:
        echo(schema_text(kind), nl=False)
        return
    if kind != "profile":
        raise click.UsageError("--ruleset hoort bij 'schema profile' / --ruleset goes with 'schema profile'")
    loaded = [load_ruleset(name) for name in ruleset_names]
    model = union(r.models for r in loaded).profile
    echo(profile_schema_text(model, [r.id for r in loaded]), nl=False)


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
