"""No text is lost in tables, whatever lines an author puts after ``||``.

Why: PmWiki drops an attribute line's other text and a table that is only a caption line; a reader then never
sees what the author wrote. Random table lines (cells, captions, attribute pairs, words and markup mixed on one
line) must show every word, and anything not read as a table's structure is reported.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mkdocs_trope import render_html
from mkdocs_trope.markup import convert

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6).map(lambda w: "q" + w)
"""Words that are never attribute names the test could confuse with text (attribute names come from ATTRIBUTE)."""
ATTRIBUTE = st.sampled_from(["border=1", "width=50%", "align=center", "class=x", "style=\"a:b\"", "bogus=1",
                             "cellpadding=2", "width='80%'"])
PIECE = st.one_of(WORD, ATTRIBUTE, st.sampled_from([" ", "!", "||", "[[spoiler:", "]]", "''", "  "]))
LINE = st.lists(PIECE, max_size=8).map(lambda pieces: "||" + " ".join(pieces))
TABLE = st.lists(LINE, min_size=1, max_size=6).map("\n".join)


def _shown(html: str) -> str:
    return "".join(BeautifulSoup(html, "html.parser").get_text("").split())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TABLE)
@example("||!Header!||")
@example("||!Caption!||\n||!Second!||")
@example("||width=50% qwords [[spoiler:qmore]]\n||qa||qb||")
@example("||border=1\n||!Cap!||\n||border=2")
def test_every_word_of_a_table_is_shown(table: str) -> None:
    shown = _shown(render_html(table))
    missing = [word for word in re.findall(r"q[a-z]*", table) if word not in shown]
    assert not missing, f"lost {missing} from {table!r}"


def test_a_lone_caption_line_is_a_one_cell_table() -> None:
    soup = BeautifulSoup(render_html("Before.\n\n||!Only a header!||\n\nAfter."), "html.parser")
    cell = soup.select_one("table th")
    assert cell is not None and "Only a header" in cell.get_text()


def test_attribute_line_with_text_is_a_row_reported_at_its_line() -> None:
    result = convert("Intro.\n\n||width=50% qwords\n||a||")
    reports = [d for d in result.diagnostics if d.code == "table-row"]
    assert [(d.line, d.column) for d in reports] == [(3, 1)]
    assert "attribute line holds other text" in reports[0].message


def test_a_row_of_many_escaped_cells_keeps_every_cell() -> None:
    """Each cell is a slice of one long logical line holding thousands of escapes: every escape lands in its cell."""
    cells = 20_000
    result = convert("||" + "".join(f"[={index % 10}=]||" for index in range(cells)))
    row = result.markdown.split("<tr", 2)[1]
    assert row.count("<td") == cells
    assert [chunk[chunk.index(">") + 1] for chunk in row.split("<td")[1:6]] == ["0", "1", "2", "3", "4"]
