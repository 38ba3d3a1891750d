"""The five real pages: built in one real site, no markup left visible, no text lost, diagnostics that hold.

Brackets may remain visible only where the page source really is broken; each such place must be explained by a
diagnostic (an unclosed ``[[``, a ``]]`` that closes nothing, or a pothole whose target is not a link).
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup, NavigableString

from mkdocs_trope.markup import convert
from tests.reference import CORPUS_PLACEHOLDER, corpus_pages, reference_text
from tests.sitebuild import Site, build_site, visible_text

PAGES = sorted(path.stem.replace("__", "/") for path in corpus_pages())
NEVER_VISIBLE = ("{{", "''", "[=", "=]", "%%", "[@", "@@")
_LINE_MARKERS = re.compile(r"\s*(\*|#|!|-+>|\|\|)")


def _source(page: str) -> str:
    return reference_text(CORPUS_PLACEHOLDER.with_name(f"{page.replace('/', '__')}.trope"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    files = {f"{page}.trope": _source(page) for page in PAGES}
    return build_site(tmp_path_factory.mktemp("corpus"), files)


def test_there_are_five_pages() -> None:
    for page in PAGES:
        _source(page)
    assert len(PAGES) == 5


@pytest.mark.parametrize("page", PAGES)
def test_no_markup_left_visible(site: Site, page: str) -> None:
    text = visible_text(site.content(f"{page}.trope"))
    for marker in NEVER_VISIBLE:
        assert marker not in text, f"{marker!r} visible: ...{text[max(0, text.find(marker) - 80):][:160]}..."
    codes = Counter(d.code for d in convert(_source(page)).diagnostics)
    messages = [d.message for d in convert(_source(page)).diagnostics]
    unclosed = sum("is never closed" in m and m.startswith("'[['") for m in messages)
    orphan = sum(m.startswith("']]' closes nothing") for m in messages)
    assert text.count("[[") == unclosed + codes["bad-link"]
    assert text.count("]]") == orphan + codes["bad-link"]


@pytest.mark.parametrize("page", PAGES)
def test_no_block_starts_with_a_raw_line_marker(site: Site, page: str) -> None:
    content = site.content(f"{page}.trope")
    for block in content.find_all(["p", "li", "h1", "h2", "h3", "h4", "summary", "div"]):
        first = next((child for child in block.children if str(child).strip()), None)
        if isinstance(first, NavigableString):
            assert not _LINE_MARKERS.match(str(first)), f"raw line marker in {block.name}: {str(first)[:80]!r}"


def _source_words(source: str) -> Counter[str]:
    """Words an author meant readers to see: comments, tags, link targets, hidden parts and URLs taken out."""
    text = re.sub(r"%%[^\n]*", " ", source)
    text = re.sub(r"(?:https?|ftp)://[^\s\]\[|]+", " ", text)
    text = re.sub(r"\[\[/?(?:folder|note|labelnote|index|foldercontrol|quoteblock)\]\]", " ", text, flags=re.I)
    text = re.sub(r"\[\[(?:[A-Za-z-]+:(?:[0-9]+:)?)", "[[ ", text)  # construct names (spoiler:, quoteright:348:)
    text = re.sub(r"\[\[(?:[A-Z][A-Za-z0-9]*[/.])?(?:\{\{[^}]*\}\}|[A-Za-z0-9]+)[ \t]", "[[ ", text)  # targets
    text = re.sub(r"\|[A-Za-z0-9 ]*\}\}", "}}", text)  # hidden parts of free links
    text = re.sub(r"\b[A-Z][A-Za-z0-9]+/(?=[A-Z{])", " ", text)  # the slash form hides the namespace
    return Counter(word.lower() for word in re.findall(r"[A-Za-z]{3,}", text))


@pytest.mark.parametrize("page", PAGES)
def test_no_text_is_lost(site: Site, page: str) -> None:
    """Counted on letters only, so WikiWord spacing ("Heroic Sacrifice") does not matter."""
    rendered = BeautifulSoup(str(site.content(f"{page}.trope")), "html.parser").get_text(" ")
    squashed = re.sub(r"[^a-z]", "", rendered.lower())
    missing = {
        word: count for word, count in _source_words(_source(page)).items() if squashed.count(word) < count
    }
    assert not missing, f"words lost: {sorted(missing.items())[:20]}"


@pytest.mark.parametrize("page", PAGES)
def test_diagnostics_are_the_known_real_problems(page: str) -> None:
    """Every diagnostic on the real pages names a line and column and is one of the problems they really have."""
    diagnostics = convert(_source(page)).diagnostics
    allowed = {"misnested-note", "unclosed-size", "bad-link", "markup", "unclosed-note", "image-extension-case"}
    allowed.add("unclosed-bracket")  # ClonesAndCounterparts line 306 really lacks its closing brackets
    assert {d.code for d in diagnostics} <= allowed, [d.format(page) for d in diagnostics]
    lines = _source(page).replace("\r\n", "\n").split("\n")
    for diagnostic in diagnostics:
        assert 1 <= diagnostic.line <= len(lines) and diagnostic.column >= 1 and diagnostic.hint
        source_line = lines[diagnostic.line - 1]
        if diagnostic.code == "misnested-note":
            assert "[[/labelnote]]" in source_line or "[[/note]]" in source_line
        if diagnostic.code == "unclosed-size":
            assert "[-" in source_line
        if diagnostic.code == "image-extension-case":
            assert re.search(r"\.(PNG|JPE?G|GIF|WEBP|SVG)\b", source_line, re.IGNORECASE)
            assert re.search(r"\.[A-Za-z]*[A-Z][A-Za-z]*\b", source_line)
        if diagnostic.code == "bad-link":
            quoted = diagnostic.message.split("'")[1]
            assert quoted in source_line
