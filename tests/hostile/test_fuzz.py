"""Fuzzing: random markup never crashes the converter or the renderer, and never loses a word.

Why: the spec's robustness rule is that anything unparsable comes out as literal text (or as its content) with a
warning, never as nothing. Random strings over an alphabet dense in markup characters reach the corners no
hand-written case does. The words are lowercase, so none is a WikiWord or a namespace and every word the author
typed should be readable in the output. By design some text is not shown, and the oracle leaves it out: the
comment ``%%`` (its character is not in the alphabet of the word test), a construct's name in ``[[name:...]]``,
block and note tags (``[[/folder]]``) and the hidden part of a free link ``{{shown|hidden}}``; an image's
source URL counts as shown.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mkdocs_trope import render_html
from mkdocs_trope.markup import convert

from .htmlsafety import problems

MARKUP = [*list("[]{}=@'!*#+->|:\\/"), "\n", " ", " ", "[[", "]]", "''", "'''", "{{", "}}", "[=", "=]", "->"]
CONSTRUCTS = [
    "[[note]]", "[[/note]]", "[[labelnote:", "[[/labelnote]]", "[[spoiler:", "[[AC:", "[[folder:", "[[/folder]]",
    "[[quoteright:350:", "[[caption-width-right:350:", "[[indent:2:", "[[center:", "[-", "-]", "[+", "+]", "@@",
    "||", "\\\\\n", "http://ex.org/a.png", "http://ex.org/x", "Film/", "[[index]]", "[[/index]]", "!!", "----",
]
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéßжλ", min_size=1, max_size=7)
TOKEN = st.one_of(WORDS, st.sampled_from(MARKUP), st.sampled_from(CONSTRUCTS), st.sampled_from(["3", "1999", "ü"]))
TEXT = st.lists(TOKEN, max_size=50).map("".join)
ATTACKS = st.sampled_from(
    ["<script>", "javascript:", "JaVaScRiPt:", "data:", "onerror=", '"', "'", "`", "style=", "url(", "&#106;",
     "&#58;", "&quot;", "expression(", "<img src=x ", ">", "border=1", "||", "[[quoteright:", ":", "http://x/"]
)
HOSTILE = st.lists(st.one_of(TOKEN, ATTACKS), max_size=40).map("".join)
WITH_COMMENTS = st.lists(st.one_of(TOKEN, st.sampled_from(["%%", "%", "%% note\n"])), max_size=50).map("".join)

_LETTERS = re.compile(r"[^\W\d_]+")
_CONSTRUCT_NAME = re.compile(r"\[\[[^\W\d_][\w-]*:")
_HIDDEN = re.compile(r"\|[^{}|\n]*\}\}")
_TAG = re.compile(r"\[\[\s*/?(?:note|labelnote|folder|foldercontrol|index|quoteblock)\s*\]\]", re.IGNORECASE)


def expected_words(text: str) -> list[str]:
    """Words of letters the reader must see: the input's, less the parts hidden by design."""
    text = _CONSTRUCT_NAME.sub(" ", _TAG.sub(" ", text))
    text = _HIDDEN.sub(" ", text)
    return _LETTERS.findall(text)


def visible_compact(html: str) -> str:
    """All visible text, whitespace removed (elements split words with spaces; the oracle ignores spacing).

    An image shows what its author wrote as a picture, so its source URL counts as its text.
    """
    soup = BeautifulSoup(html, "html.parser")
    for image in soup.find_all("img"):
        image.replace_with(str(image.get("src", "")))
    return "".join(soup.get_text("").split())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(WITH_COMMENTS)
def test_random_markup_converts_and_renders(text: str) -> None:
    result = convert(text)
    assert isinstance(result.markdown, str)
    for diagnostic in result.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.column >= 1
        assert diagnostic.message
    render_html(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
@example("||hello world")
@example("[[folder:title]]\nbody\n[[/folder]] after")
@example("{{a|b}} c [[d:e]]")
@example("[[quoteright:350:word]]\n[[caption-width-right:350:caption]]")
@example("* item\n** [[note]]hidden words[[/note]]\n-> quoted")
def test_random_markup_keeps_every_word(text: str) -> None:
    shown = visible_compact(render_html(text))
    missing = [word for word in expected_words(text) if word not in shown]
    assert not missing, f"lost {missing} from {text!r}: {shown!r}"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE)
def test_random_attacks_render_safely(text: str) -> None:
    """Attack fragments glued into random markup: the HTML stays within the whitelist of test_injection."""
    assert problems(BeautifulSoup(render_html(text), "html.parser")) == []
