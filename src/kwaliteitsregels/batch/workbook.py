"""Workbooks with the same bytes for the same content: no clock in the file.

openpyxl stamps a workbook with the time it was saved, twice: in its properties
(`docProps/core.xml`: created and modified) and in the date of every member of the zip. Two runs of
the same round would give different files. `save` writes the workbook, then copies the zip member
by member, each dated `when` (the round's reference date), with the properties' times set to it.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

_STAMP = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)")
_CORE = "docProps/core.xml"
_FIRST_ZIP_DAY = date(1980, 1, 1)  # a zip cannot date a member earlier


def save(book: Any, path: Path, when: date) -> None:
    """Write the openpyxl `book` to `path`, every date in the file being `when` (no earlier than 1980)."""
    when = max(when, _FIRST_ZIP_DAY)
    written = io.BytesIO()
    book.save(written)
    stamp = f"{when.isoformat()}T00:00:00Z".encode()
    out = io.BytesIO()
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(out, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == _CORE:
                data = _STAMP.sub(lambda m: m.group(1) + stamp + m.group(2), data)
            info = zipfile.ZipInfo(member.filename, date_time=(when.year, when.month, when.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = member.external_attr
            target.writestr(info, data)
    path.write_bytes(out.getvalue())
