"""``mkdocs-trope check`` run as a real command: output format and exit codes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.reference import DEMO_SEED

LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<severity>info|warning|error): (?P<message>.+) — .+$")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_trope", "check", *args], capture_output=True, text=True, timeout=60
    )


def test_clean_page_passes() -> None:
    result = run(str(DEMO_SEED))
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
        (str(page), "2", "error"),  # an unclosed [[ and a stray ]] show raw brackets on the page: errors
        (str(page), "3", "error"),
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


def test_warnings_pass_unless_strict_and_quiet_hides_infos(tmp_path: Path) -> None:
    page = tmp_path / "Warn.trope"
    page.write_text("An [[sparkle:unknown]] style.\nA [=~Legacy Title~=] link.\n", encoding="utf-8")
    loud, quiet = run(str(page)), run("--quiet", str(page))
    assert " warning: " in loud.stdout and " info: " in loud.stdout and " info: " not in quiet.stdout
    assert loud.returncode == quiet.returncode == 0
    assert loud.stdout.splitlines()[-1] == "checked 1 file: 1 info, 1 warning, 0 errors"
    assert run("--strict", str(page)).returncode == 1
    assert run("--fail-on", "warning", str(page)).returncode == 1
    assert run("--fail-on", "info", "--quiet", str(page)).returncode == 1


def test_unsafe_links_are_errors(tmp_path: Path) -> None:
    page = tmp_path / "Attack.trope"
    page.write_text("Click [[javascript:alert(1) here]].\n", encoding="utf-8")
    result = run(str(page))
    assert result.returncode == 1
    match = LINE.match(result.stdout.splitlines()[0])
    assert match and (match["line"], match["col"], match["severity"]) == ("1", "9", "error")
    assert "javascript:" in match["message"]


def test_directories_are_searched_for_trope_files_only(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "Deep.trope").write_text("unclosed [[x\n", encoding="utf-8")
    (tmp_path / "a" / "notes.md").write_text("unclosed [[x\n", encoding="utf-8")
    (tmp_path / "Top.trope").write_text("fine\n", encoding="utf-8")
    result = run(str(tmp_path))
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "checked 2 files: 0 infos, 0 warnings, 1 error"
    assert result.stdout.startswith(str(tmp_path / "a" / "b" / "Deep.trope") + ":1:10: error: ")


def test_help_documents_severities_and_exit_codes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_trope", "check", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    for text in ("unsafe-url", "unclosed-bracket", "invalid-utf8", "--strict", "exit status", "pre-commit"):
        assert text in result.stdout


def test_main_returns_exit_codes_in_process(tmp_path: Path, capsys) -> None:
    from mkdocs_trope.cli import main

    assert main(["check", str(DEMO_SEED)]) == 0
    assert main(["check", "--no-such-option", str(DEMO_SEED)]) == 2
    assert main([]) == 2
    capsys.readouterr()


def test_pre_commit_hook_runs_the_check() -> None:
    import yaml

    hooks = yaml.safe_load((Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text())
    hook = next(hook for hook in hooks if hook["id"] == "trope-check")
    assert hook["entry"] == "mkdocs-trope check" and hook["language"] == "python"
    assert hook["files"] == r"\.trope$"


def test_unreadable_paths_and_usage_errors_exit_2(tmp_path: Path) -> None:
    missing = run(str(tmp_path / "nope.trope"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    usage = subprocess.run([sys.executable, "-m", "mkdocs_trope"], capture_output=True, text=True, timeout=60)
    assert usage.returncode == 2


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("mkdocs-trope")
    result = subprocess.run([str(script), "check", str(DEMO_SEED)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "checked 1 file" in result.stdout
