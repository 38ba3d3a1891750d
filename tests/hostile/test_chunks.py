"""The chunked inline pass renders exactly what Python-Markdown renders unchunked.

Why: :mod:`mkdocs_trope.extensions.chunks` cuts huge paragraphs into pieces so that rendering stays linear; it is
only acceptable if the cut is invisible. Real pages never reach the production piece size, so these tests render
with tiny pieces (every paragraph is cut many times) and compare the HTML byte for byte with an unchunked render.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mkdocs_trope.extensions import ImageDirectiveExtension, WikiLinkExtension
from mkdocs_trope.extensions.chunks import ChunkExtension, split_points
from mkdocs_trope.markup import convert

from ..reference import SEED, corpus_pages, reference_text


def _render(trope: str, chunk: int | None) -> str:
    extensions: list[object] = [WikiLinkExtension(), ImageDirectiveExtension(), "md_in_html", "tables", "toc"]
    if chunk is not None:
        extensions.append(ChunkExtension(size=chunk))
    return markdown.markdown(convert(trope).markdown, extensions=extensions)


SAMPLES = [
    "A HeroicSacrifice, ''again'', with [[Film/Alien the first [[spoiler:film]]]] and {{Free Link}}s.",
    "[[HeroicSacrifice http://ex.org/a.png]] then [[http://ex.org/?a=1&b=2 a site]] and ![x](y) [x] and ! [",
    "Literal [=[[not a link]]=] \\* _x_ `y` <b>z</b> &amp; &#58; 1. 2) ~~a~~ ^^b^^ ==c== :smile: {: .k}",
    "[[quoteright:350:[[Film/Foo http://ex.org/b.png]]]]\n[[caption-width-right:350:A ''caption'' here]]",
    "* one ''two'' [[note]]three [[AC:four]][[/note]]\n** five -- six\n-> seven @@code@@ [-small-]",
    "||border=1\n||a ''b''||[[Foo c]]||\n||!head||[[spoiler:d]]||",
    "[[folder:Title ''x'']]\nbody HeroicSacrifice\n[[/folder]]",
    "[[" * 300 + "]]" * 40 + "{{" * 50 + "[=" * 30 + "''" * 60,
]


@pytest.mark.parametrize("chunk", [8, 37, 200])
@pytest.mark.parametrize("sample", SAMPLES)
def test_chunked_render_is_identical_on_samples(sample: str, chunk: int) -> None:
    assert _render(sample, chunk) == _render(sample, None)


@pytest.mark.parametrize("path", [SEED, *corpus_pages()], ids=lambda path: path.name)
def test_chunked_render_is_identical_on_real_pages(path: Path) -> None:
    text = reference_text(path)
    long_paragraphs = text.replace("\n* ", " * ")  # joins list items into long lines so chunks matter
    for page in (text, long_paragraphs):
        assert _render(page, 24) == _render(page, None)


ALPHABET = st.sampled_from(
    [
        *"[]{}=@%'!*#+->|:\\/ \n", "[[", "]]", "''", "{{", "}}", "[[note]]", "[[/note]]", "http://ex.org/a.png",
        "Foo", "HeroicSacrifice", "Film/", "word", "é", "&amp;", "&#58;", "<b>", "[[spoiler:", "[[AC:",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join), st.integers(min_value=4, max_value=64))
@example("\\''[''", 4)  # an escaped backslash before emphasis: no escape run may start on its second half
def test_chunked_render_is_identical_on_random_markup(text: str, chunk: int) -> None:
    assert _render(text, chunk) == _render(text, None)


def test_split_points_fall_only_between_whole_tokens() -> None:
    unit = ["ab", "\\[", "cd", "&#58;", "<span class=\"x\">", "g", "</span>", "[link \\] *t*](trope:Foo)",
            "![](http://ex.org/a.png)", "*em \\* ph*", "h"]
    text = "".join(unit) * 5
    allowed = set()
    offset = 0
    for token in unit * 5:
        offset += len(token)
        allowed.add(offset)
    points = split_points(text, 3)
    assert points and set(points) <= allowed


def test_hand_written_pages_are_left_alone() -> None:
    """Disabled (as the plugin does for Markdown pages), nothing is split: emphasis may span any distance."""
    extension = ChunkExtension(size=4)
    extension.enabled = False
    text = "*emphasis that spans more than four characters* and `code spans too`"
    chunked = markdown.markdown(text, extensions=[extension])
    assert chunked == markdown.markdown(text)


def test_long_line_of_brackets_renders_whole(tmp_path: Path) -> None:
    """A real-sized hostile line goes through the production piece size and keeps every character."""
    text = "[[" * 20_000
    html = markdown.markdown(convert(text).markdown, extensions=[ChunkExtension(), "md_in_html"])
    assert html == f"<p>{text}</p>"
