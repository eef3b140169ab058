"""Terminal conventions through the command line: width, colour, quiet, a profile on standard input, repr."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

import kwaliteitsregels as kr
from kwaliteitsregels.cli import main

ROOT = Path(__file__).resolve().parents[2]
PROFILE = ROOT / "examples" / "zzp-jeugdhulp.yaml"
CHECK = ["check", str(PROFILE), "-r", "twente", "--peildatum", "2026-11-23"]
ANSI = re.compile(r"\x1b\[[0-9;]*m")
CLEAN_ENV = {"COLUMNS": None, "NO_COLOR": None, "FORCE_COLOR": None}


def _invoke(args: list[str], *, stdin: bytes | str | None = None, **env: str | None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, args, input=stdin, env=CLEAN_ENV | env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def _widest(text: str) -> int:
    return max(len(line) for line in ANSI.sub("", text).splitlines())


@pytest.mark.parametrize("columns", [72, 150])
def test_columns_sets_the_width(columns: int) -> None:
    _, out, _ = _invoke(CHECK, COLUMNS=str(columns))
    assert _widest(out) == columns


def test_without_a_terminal_or_columns_the_width_is_110() -> None:
    _, out, _ = _invoke(CHECK)
    assert _widest(out) == 110


@pytest.mark.parametrize("columns", ["", "0", "-5", "breed"])
def test_columns_that_is_no_width_is_ignored(columns: str) -> None:
    _, out, _ = _invoke(CHECK, COLUMNS=columns)
    assert _widest(out) == 110


def test_no_colour_when_written_to_a_pipe() -> None:
    _, out, _ = _invoke(CHECK)
    assert "\x1b[" not in out


def test_color_option_forces_colour_and_no_color_option_beats_force_color() -> None:
    _, coloured, _ = _invoke([*CHECK, "--color"])
    assert ANSI.search(coloured)
    _, plain, _ = _invoke([*CHECK, "--no-color"], FORCE_COLOR="1")
    assert "\x1b[" not in plain
    assert ANSI.sub("", coloured) == plain  # the same report, with or without colour


def _on_a_terminal(args: list[str], columns: int, **env: str) -> str:
    """Run the command on a pseudo-terminal `columns` wide; what it printed."""
    import fcntl  # noqa: PLC0415 - POSIX only, like pty
    import struct  # noqa: PLC0415
    import termios  # noqa: PLC0415

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    environ = {k: v for k, v in os.environ.items() if k not in CLEAN_ENV} | env
    command = [sys.executable, "-m", "kwaliteitsregels", *args]
    process = subprocess.Popen(command, stdout=follower, stderr=follower, env=environ, cwd=ROOT)  # noqa: S603
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the terminal's other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    process.wait(timeout=60)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_on_a_terminal_its_width_and_colour() -> None:
    out = _on_a_terminal(CHECK, 96)
    assert ANSI.search(out)
    assert _widest(out) == 96


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_no_color_is_honoured_on_a_terminal() -> None:
    out = _on_a_terminal(CHECK, 96, NO_COLOR="1")
    assert "\x1b[" not in out
    assert _widest(out) == 96


def test_quiet_prints_nothing_and_keeps_the_exit_code(tmp_path: Path) -> None:
    code, _, _ = _invoke(CHECK)
    quiet_code, quiet_out, quiet_err = _invoke([*CHECK, "-q"])
    assert (quiet_code, quiet_out, quiet_err) == (code, "", "")
    assert code == 1  # this example needs assessment
    written = tmp_path / "rapport.json"
    assert _invoke([*CHECK, "--quiet", "-f", "json", "-o", str(written)])[:2] == (1, "")
    assert json.loads(written.read_text("utf-8"))["verdict"] == "beoordeling_nodig"


def test_quiet_still_reports_bad_input_on_stderr(tmp_path: Path) -> None:
    missing = tmp_path / "bestaat-niet.yaml"
    code, out, err = _invoke(["check", str(missing), "-r", "twente", "-q"])
    assert (code, out) == (2, "")
    assert "bestaat-niet.yaml" in err


def test_report_quiet_writes_only_the_file(tmp_path: Path) -> None:
    written = tmp_path / "rapport.md"
    args = ["report", str(PROFILE), "-r", "twente", "--peildatum", "2026-11-23", "-f", "markdown"]
    assert _invoke([*args, "-q", "-o", str(written)])[:2] == (0, "")
    assert written.read_text("utf-8").startswith("#")
    assert _invoke([*args, "-q"])[:2] == (0, "")


def test_a_profile_on_standard_input_is_the_same_as_the_file() -> None:
    from_file = _invoke([*CHECK, "-f", "json"])
    from_stdin = _invoke([*CHECK[:1], "-", *CHECK[2:], "-f", "json"], stdin=PROFILE.read_bytes())
    assert from_stdin == from_file


def test_report_takes_a_profile_on_standard_input() -> None:
    args = ["report", "-", "-r", "twente", "--peildatum", "2026-11-23", "-f", "markdown"]
    code, out, _ = _invoke(args, stdin=PROFILE.read_text("utf-8"))
    assert code == 0
    assert out.startswith("#")


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        (b"organisation: [\n", "<stdin>:2"),  # broken YAML: where
        (b"organisation:\n  name: \xff\n", "<stdin>:2:9"),  # not UTF-8: the line and column of the byte
        (b"", "<stdin>"),  # nothing piped in
        (b"- een\n- lijst\n", "<stdin>:1"),  # not a mapping
    ],
)
def test_bad_standard_input_is_a_located_error(stdin: bytes, expected: str) -> None:
    code, out, err = _invoke(["check", "-", "-r", "twente"], stdin=stdin)
    assert code == 2
    assert out == ""
    assert expected in err
    assert "Traceback" not in err


@pytest.fixture(scope="module")
def report() -> kr.Report:
    return kr.evaluate(kr.load_ruleset("twente"), kr.load_profile(PROFILE), date(2026, 11, 23))


def test_repr_is_one_short_line(report: kr.Report) -> None:
    assert repr(report) == f"<Report twente 2026-11-23: beoordeling_nodig, {len(report.results)} eisen>"


def test_print_and_rich_show_the_table(report: kr.Report) -> None:
    assert str(report).startswith("Regelset: ")
    assert _widest(str(report)) == 110
    console = Console(file=io.StringIO(), width=64, color_system=None)
    console.print(report)
    printed = console.file.getvalue()  # type: ignore[attr-defined]
    assert _widest(printed) == 64
    assert report.results[0].id in printed
    assert "<table" in report._repr_html_()  # Jupyter
