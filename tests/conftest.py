from __future__ import annotations

import os

import pytest

from tests.reference import HOW_TO_GET, MISSING

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One note at the end: which tests were skipped for want of the reference pages, and how to get them."""
    skipped = [
        report.nodeid
        for report in terminalreporter.stats.get("skipped", [])
        if isinstance(report.longrepr, tuple) and MISSING in report.longrepr[2]
    ]
    if not skipped:
        return
    terminalreporter.section("reference pages not found")
    terminalreporter.write_line(f"{len(skipped)} tests skipped because they {MISSING}:")
    for nodeid in skipped:
        terminalreporter.write_line(f"  {nodeid}")
    terminalreporter.write_line(HOW_TO_GET)
