from __future__ import annotations

import os

import pytest

from tests.browser_support import close_shared_browser
from tests.reference import HOW_TO_GET, MISSING

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")

COMPAT_PARTS = ("tests/markup/", "tests/nav/test_nav.py", "tests/plugin/test_site.py", "tests/test_cli.py")
"""The part of the suite `make compat` runs with the lowest dependency versions pyproject.toml allows: rendering
through Python-Markdown, real MkDocs builds on every theme (Material and ProperDocs included), and the CLI."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = config.rootpath
    for item in items:
        if item.path.relative_to(root).as_posix().startswith(COMPAT_PARTS):
            item.add_marker(pytest.mark.compat)


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
    terminalreporter.write_line(f"{len(skipped)} tests skipped; each {MISSING}:")
    for nodeid in skipped:
        terminalreporter.write_line(f"  {nodeid}")
    terminalreporter.write_line(HOW_TO_GET)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    close_shared_browser()
