"""Every malformed construct the spec names: text still shown, and a diagnostic that says where, what and how.

Why: a wiki's authors learn the markup from its error messages. Each diagnostic must point at the line and column
of the mistake, say what is wrong, and say how to write it instead; and the page must still show the author's
text. In a site build the plugin logs each one once as ``path:line:col: ...`` and, under ``mkdocs serve``, does
not repeat it on rebuilds for pages that did not change.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import NamedTuple

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_trope import render_html
from mkdocs_trope.markup import Severity, convert

from ..sitebuild import build_site, collect_logs, make_config


class Malformed(NamedTuple):
    name: str
    source: str
    shown: str
    """Text the reader must still see (whitespace ignored)."""
    where: tuple[int, int]
    """(line, column) the diagnostic must point at."""
    says: str
    """A fragment of the diagnostic's message."""
    severity: Severity = Severity.WARNING


M = Malformed
MALFORMED = [
    M("unclosed [[", "intro\nsome [[HeroicSacrifice text", "some [[Heroic", (2, 6), "never closed", Severity.ERROR),
    M("orphan ]]", "intro\nsome text]] more", "some text]] more", (2, 10), "closes nothing", Severity.ERROR),
    M("unclosed {{", "intro\na {{free link never closed", "a {{free link never closed", (2, 3), "'}}'"),
    M("invalid free link", "intro\na {{free! link}} here", "a {{free! link}} here", (2, 3), "may hold only"),
    M("invalid pothole target", "intro\n[[not-a-target shown text]]", "not-a-target shown text", (2, 1),
      "not a link target"),
    M("unknown [[name:]]", "intro\n[[sparkle:shiny text]]", "shiny text", (2, 1), "unknown construct"),
    M("bad quoteright width", "intro\n[[quoteright:wide:a caption]]", "quoteright:wide:a caption", (2, 1),
      "width in pixels"),
    M("bad caption width", "intro\n[[caption-width-right:0:a caption]]", "caption-width-right:0:a caption", (2, 1),
      "width in pixels"),
    M("unclosed folder", "intro\n[[folder:Title]]\nbody text", "Title body text", (2, 1), "never closed",
      Severity.ERROR),
    M("orphan folder", "intro\nbody text\n[[/folder]]", "intro body text", (3, 1), "closes nothing"),
    M("unclosed note", "intro\ntext [[note]]hidden note text", "hidden note text", (2, 6), "never closed"),
    M("orphan note", "intro\ntext[[/note]] more", "text more", (2, 5), "closes nothing"),
    M("misnested labelnote after caption",
      "[[quoteright:350:http://ex.org/a.png]]\n[[caption-width-right:350:Cap [[labelnote:Label]]body]][[/labelnote]]",
      "Cap Label body", (2, 56), "closes a '[[labelnote]]' (line 2, column 31)"),
    M("unclosed [-", "intro\n[-small text never closed", "small text never closed", (2, 1), "not closed",
      Severity.INFO),
    M("bad table attributes", "intro\n||border=1 onclick=alert(1)\n||cell||", "cell", (2, 12), "not allowed"),
    M("unsafe URL scheme", "intro\n[[javascript:alert(1) click me]]", "javascript:alert(1) click me", (2, 3),
      "scheme 'javascript:' is not allowed", Severity.ERROR),
    M("legacy ptitle", "intro\n[=~Punctuated Title!~=]", "Punctuated Title!", (2, 1), "legacy punctuated title",
      Severity.INFO),
    M("legacy hottip", "intro\n[[hottip:label:tip text]]", "tip text", (2, 1), "hottip", Severity.INFO),
    M("unclosed [=", "intro\n[=escape never closed", "[=escape never closed", (2, 1), "never closed"),
]


@pytest.mark.parametrize("case", MALFORMED, ids=[case.name for case in MALFORMED])
def test_malformed_construct_is_shown_and_explained(case: Malformed) -> None:
    shown = "".join(BeautifulSoup(render_html(case.source), "html.parser").get_text("").split())
    assert "".join(case.shown.split()) in shown
    found = [d for d in convert(case.source).diagnostics if case.says in d.message]
    assert found, [d.format() for d in convert(case.source).diagnostics]
    diagnostic = found[0]
    assert (diagnostic.line, diagnostic.column) == case.where
    assert diagnostic.severity is case.severity
    assert diagnostic.hint.strip() and diagnostic.hint != diagnostic.message
    line, column = case.where
    assert diagnostic.format("docs/Main/P.trope").startswith(
        f"docs/Main/P.trope:{line}:{column}: {case.severity.value}: {diagnostic.message} — {diagnostic.hint}"
    )


def test_unsafe_url_is_reported_once_not_also_as_a_bad_target() -> None:
    messages = [d.message for d in convert("[[javascript:alert(1) x]]").diagnostics]
    assert len(messages) == 1 and "javascript:" in messages[0]


BAD_PAGE = "intro\nsome [[HeroicSacrifice text\n[[javascript:alert(1) click]]\n[[sparkle:shiny]]\n"
BAD_LINES = (
    "docs/Main/Bad.trope:2:6: '[[' is never closed",
    "docs/Main/Bad.trope:3:3: link scheme 'javascript:' is not allowed",
    "docs/Main/Bad.trope:4:1: unknown construct '[[sparkle:...]]'",
)


_LOCATED = re.compile(r"docs/Main/Bad\.trope:\d+:\d+: ")


def _diagnostic_lines(records: list[logging.LogRecord]) -> list[str]:
    """Logged diagnostics of Main/Bad, from their ``path:line:col:`` on (MkDocs prefixes the plugin's name)."""
    lines = [record.getMessage() for record in records]
    return [line[match.start() :] for line in lines if (match := _LOCATED.search(line))]


def test_site_build_logs_each_diagnostic_once_with_path_line_and_column(tmp_path: Path) -> None:
    site = build_site(tmp_path, {"Main/Bad.trope": BAD_PAGE, "Main/Good.trope": "Fine."})
    logged = _diagnostic_lines(site.records)
    for expected in BAD_LINES:
        matching = [line for line in logged if line.startswith(expected)]
        assert len(matching) == 1, (expected, logged)
        assert " — " in matching[0]  # the hint follows
    assert len(logged) == len(BAD_LINES)


def test_serve_rebuilds_do_not_repeat_diagnostics_of_unchanged_pages(tmp_path: Path) -> None:
    """As ``mkdocs serve`` does: the config is loaded anew for every build, the plugin instance is kept."""
    config_file = make_config(tmp_path, {"Main/Bad.trope": BAD_PAGE, "Main/Other.trope": "Other."})
    builds: list[list[str]] = []
    plugins = []
    for round_ in range(3):
        config = load_config(str(config_file))
        if round_ == 0:
            config.plugins.on_startup(command="serve", dirty=False)
        plugins.append(config.plugins["trope"])
        if round_ == 2:  # an edit to another page: still nothing new to say about Bad
            (tmp_path / "docs" / "Main" / "Other.trope").write_text("Other, edited.", encoding="utf-8")
        with collect_logs() as records:
            build(config, serve_url="http://127.0.0.1:8000/")
        builds.append(_diagnostic_lines(records))
    assert plugins[0] is plugins[1] is plugins[2]
    assert len(builds[0]) == len(BAD_LINES)
    assert builds[1] == [] and builds[2] == []
    config.plugins.on_shutdown()


def test_an_edited_page_is_reported_again(tmp_path: Path) -> None:
    config_file = make_config(tmp_path, {"Main/Bad.trope": BAD_PAGE})
    logged: list[list[str]] = []
    for round_ in range(2):
        config = load_config(str(config_file))
        if round_ == 0:
            config.plugins.on_startup(command="serve", dirty=False)
        else:
            (tmp_path / "docs" / "Main" / "Bad.trope").write_text(BAD_PAGE + "more ]]\n", encoding="utf-8")
        with collect_logs() as records:
            build(config, serve_url="http://127.0.0.1:8000/")
        logged.append(_diagnostic_lines(records))
    assert len(logged[1]) == len(BAD_LINES) + 1
    assert any(line.startswith("docs/Main/Bad.trope:5:6: ']]' closes nothing") for line in logged[1])
