"""``mkdocs-trope check`` run as a real command: output format and exit codes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.sitebuild import SEED

LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<severity>info|warning|error): (?P<message>.+) — .+$")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_trope", "check", *args], capture_output=True, text=True, timeout=60
    )


def test_clean_page_passes() -> None:
    result = run(str(SEED))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "checked 1 file: 0 infos, 0 warnings, 0 errors"


def test_problems_are_listed_as_path_line_column_and_fail(tmp_path: Path) -> None:
    page = tmp_path / "Main" / "Broken.trope"
    page.parent.mkdir()
    page.write_text("Fine line.\nAn unclosed [[pothole here.\n* [[Hello world]] and ]] stray\n", encoding="utf-8")
    result = run(str(tmp_path))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    parsed = [LINE.match(line) for line in lines[:-1]]
    assert all(parsed), lines
    assert {(m["path"], m["line"], m["severity"]) for m in parsed} >= {
        (str(page), "2", "warning"),
        (str(page), "3", "warning"),
    }
    assert parsed[0]["col"] == "13"
    assert lines[-1].startswith("checked 1 file: ")


def test_invalid_utf8_is_an_error_with_its_place(tmp_path: Path) -> None:
    page = tmp_path / "Bad.trope"
    page.write_bytes(b"first line\nsecond \xff line\n")
    result = run(str(page))
    assert result.returncode == 1
    match = LINE.match(result.stdout.splitlines()[0])
    assert match and (match["line"], match["col"], match["severity"]) == ("2", "8", "error")
    assert "byte offset 18" in match["message"]


def test_fail_on_error_lets_warnings_pass_and_quiet_hides_infos(tmp_path: Path) -> None:
    page = tmp_path / "Warn.trope"
    page.write_text("An unclosed [[pothole.\nA [=~Legacy Title~=] link.\n", encoding="utf-8")
    assert run("--fail-on", "error", str(page)).returncode == 0
    loud, quiet = run(str(page)), run("--quiet", str(page))
    assert " info: " in loud.stdout and " info: " not in quiet.stdout
    assert loud.returncode == quiet.returncode == 1


def test_unreadable_paths_and_usage_errors_exit_2(tmp_path: Path) -> None:
    missing = run(str(tmp_path / "nope.trope"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    usage = subprocess.run([sys.executable, "-m", "mkdocs_trope"], capture_output=True, text=True, timeout=60)
    assert usage.returncode == 2


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("mkdocs-trope")
    result = subprocess.run([str(script), "check", str(SEED)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "checked 1 file" in result.stdout
