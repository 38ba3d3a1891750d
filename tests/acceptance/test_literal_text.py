"""Property: text that is not trope markup comes out exactly as written, whatever Markdown or HTML would read.

Random text made of words and the characters Markdown and HTML reinterpret is rendered through the converter and
Python-Markdown (with the project's extensions and MkDocs' default ones); the visible text must equal the input,
whitespace aside.
"""

from __future__ import annotations

import re

import markdown
from bs4 import BeautifulSoup
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from mkdocs_trope.extensions import ImageDirectiveExtension, WikiLinkExtension
from mkdocs_trope.markup import convert

SPECIALS = list("*_#<>&'[]!|-+.\\`")
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)
TOKEN = st.one_of(WORDS, st.sampled_from(SPECIALS), st.just(" "), st.just("\n"))

_INLINE_MARKUP = ("''", "[[", "{{", "[=", "[@", "[-", "[+", "%%", "@@", "--", "\\\\")
_LINE_START = re.compile(r"[ \t]*(?:[!*#+:]|-+>|----|\|\|)")


def is_trope_markup(text: str) -> bool:
    """True if ``text`` contains anything trope markup would interpret (then the property does not apply)."""
    if any(marker in text for marker in _INLINE_MARKUP):
        return True
    return any(_LINE_START.match(line) or line.rstrip().endswith("\\") for line in text.split("\n"))


def render(text: str) -> str:
    extensions = [WikiLinkExtension(), ImageDirectiveExtension(), "md_in_html", "toc", "tables", "fenced_code"]
    return markdown.markdown(convert(text).markdown, extensions=extensions)


def visible(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


@settings(max_examples=400, deadline=None)
@given(st.lists(TOKEN, min_size=1, max_size=40).map("".join))
@example("1. not a list\n# not a heading mid-line")
@example("a *b* _c_ `d` <b>e</b> &amp; f | g ---\n===\nh")
@example("x\\* [a](b) ![c](d) <e.f> ~~g~~ ==h== ^^i^^ $j$ :smile: {: .k}")
@example("text ]] orphan and ]] again")
def test_literal_text_survives(text: str) -> None:
    assume(not is_trope_markup(text))
    assert visible(render(text)) == " ".join(text.split())


def test_raw_html_is_text() -> None:
    html = render("<script>alert(1)</script> <img src=x onerror=alert(1)> <div markdown=\"1\">*x*</div>")
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find(["script", "img", "div"])
    assert visible(html) == '<script>alert(1)</script> <img src=x onerror=alert(1)> <div markdown="1">*x*</div>'
