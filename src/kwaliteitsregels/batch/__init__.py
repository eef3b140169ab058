"""A region's whole tender round: many providers, several frameworks, one overview.

intake.py    files, folders, globs, a workbook or CSV folder → submissions, one per provider
assessments.py  the municipality's assessments folder: one file per provider, paired by its key
columns.py   which sheets and columns a spreadsheet may have: the profile model's facts by key or label
values.py    a cell's value as the fact's type
sheets.py    a workbook or CSV folder → plain-data profiles, every value placed on its cell
task.py      the pure task: one submission → evaluation → documents → a row for the overview
pool.py      tasks in worker processes, rows back in input order; `evaluate_many` for Python
overview.py  rows → the overview as JSON, workbook and HTML
run.py       all of it: `run_batch` → `BatchResult.exit_code`
"""

from __future__ import annotations

from kwaliteitsregels.batch.intake import Submission, read_intake
from kwaliteitsregels.batch.pool import Evaluated, evaluate_many
from kwaliteitsregels.batch.run import BatchResult, run_batch
from kwaliteitsregels.batch.task import Row, Settings

__all__ = ["BatchResult", "Evaluated", "Row", "Settings", "Submission", "evaluate_many", "read_intake", "run_batch"]
