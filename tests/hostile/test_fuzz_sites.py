"""Fuzzing beyond one page's body: random front matter, and whole sites of hostile titles, names and subpage lists.

Why: the body converter escapes what it is given, but a page's front matter and its file name reach the nav,
titles and links of every other page, through MkDocs and the theme. Random front matter must never crash,
expand, or render as markup; random sites (file names with HTML characters, front matter titles with markup,
subpage lists nesting them) must build, and every title must be text on every page.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_trope import render_html
from mkdocs_trope.markup import convert
from mkdocs_trope.markup.frontmatter import MAX_TITLE
from mkdocs_trope.names import as_spaced

from ..sitebuild import build_site
from .htmlsafety import problems

FRONT_TOKENS = st.sampled_from([
    "title", "template", "icon", "hide", ": ", ":", "\n", "\n", "  ", "\t", "- ", "#", "&a ", "*a", "[", "]", "{",
    "}", "'", '"', "<b>", "</b>", "<script>", "---", "...", "!!python/object:x", "|", ">", "x", "Name", "1", "true",
])
FRONT_MATTER = st.lists(FRONT_TOKENS, max_size=30).map(lambda tokens: "---\n" + "".join(tokens) + "\n---\nBody.\n")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FRONT_MATTER)
def test_random_front_matter_is_text_or_read_never_markup(page: str) -> None:
    result = convert(page)
    title = result.meta.get("title")
    assert title is None or (isinstance(title, str) and len(title) <= MAX_TITLE and "\n" not in title)
    assert set(result.meta) <= {"title"}
    html = render_html(page)
    soup = BeautifulSoup(html, "html.parser")
    assert problems(soup) == [] and soup.find(["b", "script"]) is None, html
    assert "Body." in soup.get_text("")
    assert len(html) < 40 * len(page) + 200, "nothing expands"


NAME_CHARS = "AbCdxyz<>&\"' é"
FILE_NAMES = st.lists(
    st.text(alphabet=NAME_CHARS, min_size=1, max_size=8).map(lambda text: "Q" + text.strip()),
    min_size=1, max_size=4, unique_by=str.casefold,
)
TITLES = st.text(alphabet="ab<>&\"'/ =", min_size=1, max_size=20).map(lambda text: "T" + text.strip())
SUBPAGES = st.lists(st.tuples(st.integers(1, 3), TITLES), min_size=1, max_size=5)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FILE_NAMES, SUBPAGES)
def test_random_sites_build_and_show_every_title_as_text(names: list[str], subpages: list[tuple[int, str]]) -> None:
    files: dict[str, str | bytes] = {f"Main/{name}.trope": f"Page {index}.\n" for index, name in enumerate(names)}
    listing = "\n".join(f"{'*' * depth} Root/Sub{index}" for index, (depth, _) in enumerate(subpages))
    files["Main/Root.trope"] = f"---\ntitle: Root\n---\n{listing}\n"
    for index, (_, title) in enumerate(subpages):
        escaped = title.replace("\\", "\\\\").replace('"', '\\"')
        files[f"Root/Sub{index}.trope"] = f'---\ntitle: "{escaped}"\n---\nSubpage {index}.\n'
    with tempfile.TemporaryDirectory() as directory:
        site = build_site(Path(directory), files)
        expected = [*map(as_spaced, names), *(title for _, title in subpages)]
        for source in files:
            soup = site.soup(source)
            assert soup.find("b") is None and soup.select("[onerror], [onload]") == []
            nav = [" ".join(a.get_text(" ").split()) for a in soup.select("nav a, .navbar a, .dropdown-menu a")]
            shown = " ".join(nav)
            missing = [text for text in expected if " ".join(text.split()) not in shown]
            assert not missing, f"{source}: {missing} not in the nav as text: {nav}"
            assert "&lt;" not in soup.get_text(" ") and "&amp;" not in soup.get_text(" ")
