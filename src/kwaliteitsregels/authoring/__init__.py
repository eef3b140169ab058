"""Tooling for ruleset authors: `validate` (static checks with fix hints) and `test` (a ruleset's own cases).

validate.py   which files to check and how: rulesets, profiles, test-case files
lints.py      checks beyond the loader: validity windows that never apply, explain routes that cannot be reached
findings.py   a problem plus its fix hint; text, JSON and GitHub-annotation output
casefiles.py  reading test-case files: the ruleset, the profiles, every reference checked
casetests.py  running the cases, the mismatches, rule coverage
casereport.py the test run as text or JSON
texts.py      the tools' phrases, Dutch and English
"""
