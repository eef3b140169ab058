"""Analytics over compiled rulesets: compare frameworks, weigh the burden, find a common core, weigh a new version.

Pure functions over `CompiledRuleset`s (evaluation only for the impact of a version on profiles);
the formats people read are in `reporting.comparison`, the commands in `cli.compare`.

- `compare(rulesets)` (`compare.py`): requirements aligned across rulesets and against the law;
- `burden(rulesets)` (`burden.py`): documents, declarations, assessor judgements, facts, knock-outs per stage;
- `harmonise(comparison)` (`harmonise.py`): shared by all, most, some or one; the common core and its terms;
- `diff(old, new)`, `impact(old, new, profiles, peildatum)`, `load_version("REV:PATH")` (`versions.py`);
- `comparison_document`, `impact_document` (`document.py`): the JSON documents every format renders;
- `compare_frames`, `impact_frame` (`frames.py`): pandas DataFrames.

How requirements are aligned and what the relations mean: `alignment.py` and docs/vergelijken.md.
"""
