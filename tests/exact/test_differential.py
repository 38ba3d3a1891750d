"""The direct HTML renderer against Python-Markdown: byte for byte, on real pages, generated pages and random markup.

Each case is rendered twice without MkDocs: :func:`~mkdocs_trope.render_html` (straight from the document tree)
and :func:`~mkdocs_trope.markdown_html` (the converter's Markdown through Python-Markdown). The pages must also
actually take the direct path, or the comparison would compare Python-Markdown with itself.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from mkdocs_trope import markdown_html, render_html
from mkdocs_trope.extensions.resolver import Resolution
from mkdocs_trope.markup import convert
from mkdocs_trope.markup.html import render_document
from mkdocs_trope.names import PageName

from ..acceptance.test_literal_text import TOKEN as LITERAL_TOKEN
from ..acceptance.test_literal_text import is_trope_markup, visible
from ..hostile.test_fuzz import HOSTILE, TEXT, WITH_COMMENTS
from ..hostile.test_injection import CASES
from ..hostile.test_pathological import LITERAL
from ..reference import SEED, corpus_pages, reference_text
from ..sitebuild import REPO

DEMO = REPO / "demo_site" / "docs"


def _real_pages() -> list[Path]:
    return [SEED, *corpus_pages(), *sorted(DEMO.rglob("*.trope"))]


def _same(text: str, *, direct: bool = True) -> None:
    if direct:
        assert convert(text, html=True).html is not None, "the direct renderer was not used"
    assert render_html(text) == markdown_html(text)


@pytest.mark.parametrize("path", _real_pages(), ids=lambda path: path.name)
def test_real_pages_are_byte_equal(path: Path) -> None:
    text = reference_text(path)
    _same(text, direct=not text.startswith("---"))


def test_demo_pages_with_images_take_the_direct_path() -> None:
    pages = sorted(DEMO.rglob("*.trope"))
    with_images = [path for path in pages if "[[quote" in path.read_text(encoding="utf-8")]
    assert with_images
    for path in pages:
        assert convert(path.read_text(encoding="utf-8"), html=True).html is not None, path.name


def _generate_site(out: Path, pages: int) -> Path:
    """The benchmark's generated wiki (``bench/generate.py``), loaded by path: ``bench`` is not a package."""
    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    module.generate_site(out, pages)
    return out / "trope"


def test_generated_wiki_pages_are_byte_equal(tmp_path: Path) -> None:
    sources = sorted((_generate_site(tmp_path, 40) / "docs").rglob("*.trope"))
    assert len(sources) == 40
    for source in sources:
        _same(source.read_text(encoding="utf-8"))


@settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(TEXT, HOSTILE, WITH_COMMENTS))
@example(":")
@example("*[[index]]*")
@example("[[quoteblock]]\n[[/quoteblock]]")
@example("[[quoteright:350:http://ex.org/a.png]]\n[[caption-width-right:350:cap]]\n[[caption-width-right:350:b]]")
def test_random_markup_is_byte_equal(text: str) -> None:
    _same(text, direct=False)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_injection_cases_are_byte_equal(case: object) -> None:
    _same(case.source, direct=False)  # type: ignore[attr-defined]


def test_lists_merged_across_an_index_fall_back() -> None:
    """Markdown merges two lists a hidden index separates; the direct renderer declines rather than guess."""
    text = "* a\n[[index]]\n* b\n[[/index]]"
    assert convert(text, html=True).html is None
    _same(text, direct=False)


@pytest.mark.parametrize(("name", "text", "message"), LITERAL, ids=[case[0] for case in LITERAL])
def test_pathological_pages_take_the_direct_path(name: str, text: str, message: str | None) -> None:
    """The pathological suite renders these 1 MB pages with :func:`render_html`: that must be the direct path,
    so its time limits hold the direct renderer to linear time (Python-Markdown is checked there too)."""
    del name, message
    assert convert(text[:20_000], html=True).html is not None


def test_render_document_rejects_unknown_nodes() -> None:
    """A node type added to the tree later must make the page fall back, never render wrong."""
    from dataclasses import dataclass

    from mkdocs_trope.markup.html import NotExactError
    from mkdocs_trope.markup.nodes import Paragraph

    @dataclass(frozen=True)
    class Sparkle:
        text: str

    with pytest.raises(NotExactError):
        render_document([Paragraph(((Sparkle("x"),),), 1)])  # type: ignore[arg-type]

    @dataclass(frozen=True)
    class Gallery:
        line: int

    with pytest.raises(NotExactError):
        render_document([Gallery(1)])  # type: ignore[list-item]


@settings(max_examples=150, deadline=None)
@given(st.lists(LITERAL_TOKEN, min_size=1, max_size=40).map("".join))
@example("a *b* _c_ `d` <b>e</b> &amp; f | g ---\n===\nh")
def test_literal_text_survives_the_direct_renderer(text: str) -> None:
    """The literal-text property (``tests/acceptance/test_literal_text.py``) through the direct renderer."""
    assume(not is_trope_markup(text))
    assert convert(text, html=True).html is not None
    assert visible(render_html(text)) == " ".join(text.split())


class _SmallWiki:
    """Pages named ``Missing...`` do not exist (``MissingHere`` has a URL all the same, as with a
    ``missing_page_url``); ``TitledPage`` has a custom title with characters HTML escapes."""

    def resolve(self, target: PageName) -> Resolution:
        resolved = PageName(target.namespace or "Main", target.name)
        if target.name.startswith("Missing"):
            url = "https://wiki.example/" + target.name if target.name == "MissingHere" else None
            return Resolution(url, False, None, resolved)
        title = 'Tom & "Jerry" <3' if target.name == "TitledPage" else None
        return Resolution(f"/{resolved.namespace}/{target.name}/", True, title, resolved)


IMAGE_PAGES = {
    "caption-escapes": '[[quoteright:300:http://ex.org/a.png]]\n[[caption-width-right:300:A "day" & <b>x</b> '
    "\\*star\\* &amp; &lt;t&gt; &#124; a|b ~ ^ $ = : http: [=[[raw]]=]]]\n",
    "caption-links": "[[quoteleft:200:http://ex.org/a.png]]\n"
    "[[caption-width-left:200:By {{TitledPage}}, [[TitledPage]], "
    "[[TitledPage some text]], HeroicSacrifice, MissingPage, [[MissingHere here]], [[http://ex.org an URL]]]]\n",
    "caption-markup": "[[quoteright:300:http://ex.org/a.png]]\n[[caption-width-right:300:''em'' '''strong''' "
    "''a''''b'' [-small-] [+big+] @@code<x>@@ [[spoiler:hid \"den\"]] [[note]]a note[[/note]] "
    "[[labelnote:lab]]body[[/labelnote]] --strike-- [[AC:cap]]]]\n",
    "caption-blanks": "[[quoteright:300:http://ex.org/a.png]]\n[[caption-width-right:300:  spaced \t out  "
    "[[TitledPage   x  ]]  ]]\n",
    "caption-empty-alt": "[[quoteright:300:http://ex.org/a.png]]\n[[caption-width-right:300: ]]\n",
    "caption-only-raw-html": "[[quoteright:300:http://ex.org/a.png]]\n[[caption-width-right:300:[[spoiler: ]]]]\n",
    "caption-linked-image": "[[quoteright:300:http://ex.org/a.png]]\n"
    "[[caption-width-right:300:[[TitledPage http://ex.org/b.png]]]]\n",
    "linked-existing": "[[quoteright:300:[[HeroicSacrifice http://ex.org/a.png]]]]\n"
    "[[caption-width-right:300:the caption]]\n[[TitledPage http://ex.org/b.png]] and [[Film/Shrek http://ex.org/c.png]]"
    "\n",
    "linked-missing": "[[quoteright:300:[[MissingPage http://ex.org/a.png]]]]\n[[caption-width-right:300:cap]]\n"
    "[[MissingHere http://ex.org/b.png]]\n",
    "linked-in-markup": "[[quoteright:300:''[[HeroicSacrifice http://ex.org/a.png]]'']]\n"
    "[[caption-width-right:300:cap]]\n[[spoiler:[[TitledPage http://ex.org/b.png]]]]\n",
    "linked-url": "[[quoteright:300:[[http://ex.org/page http://ex.org/a.png]]]]\n[[caption-width-right:300:cap]]\n",
    "several-page-images": "[[quoteright:300:http://ex.org/a.png]]\n[[caption-width-right:300:first]]\n"
    "text\n[[quoteleft:120:http://ex.org/b.png]]\n[[caption-width-left:120:second]]\n"
    "[[quoteright:80:http://ex.org/c.png]]\n[[folder:F]]\n[[quoteright:60:http://ex.org/d.png]]\n[[/folder]]\n",
    "no-caption": "[[quoteright:300:http://ex.org/a.png]]\ntext http://ex.org/b.png\n",
    "image-in-caption": "[[quoteright:300:http://ex.org/a.png]]\n[[caption-width-right:300:see http://ex.org/b.png "
    "and [[TitledPage http://ex.org/c.png]]]]\n",
    "caption-box-first": "[[caption-width-right:300:a box http://ex.org/a.png]]\n"
    "[[quoteright:300:http://ex.org/b.png]]\n[[caption-width-right:300:cap]]\n",
    "figure-without-image": "[[quoteright:300:just ''text'']]\n[[caption-width-right:300:cap]]\n"
    "[[quoteright:200:http://ex.org/a.png]]\n",
    "outside-figures": "* item http://ex.org/a.png\n\n||http://ex.org/b.png||[[TitledPage http://ex.org/c.png]]||\n\n"
    "->quoted http://ex.org/d.png\n\n!Heading http://ex.org/e.png\n\n[[center:http://ex.org/f.png]]\n"
    "a [[quoteright:90:http://ex.org/g.png]] inline [[note]]http://ex.org/h.png[[/note]]\n",
    "url-before-em-space": "[[quoteright:300:http://ex.org/a.png]]\n[[caption-width-right:300:http://ex.org/i*\u2003]]\n",
    "relative-urls": "[[quoteright:300:images/a.png]]\n[[caption-width-right:300:cap]]\n../b.png and /c.jpg\n",
}


@pytest.mark.parametrize("text", IMAGE_PAGES.values(), ids=IMAGE_PAGES.keys())
def test_image_pages_are_byte_equal(text: str) -> None:
    """Images take their attributes from the link around them, the figure they are in and its caption."""
    assert convert(text, html=True).html is not None, "the direct renderer was not used"
    resolver = _SmallWiki()
    direct, markdown = render_html(text, resolver=resolver), markdown_html(text, resolver=resolver)
    assert direct == markdown
    assert "<img " in direct


_CAPTION_TOKENS = st.sampled_from(
    [
        "a", " ", "\t", '"', "&", "&amp;", "&#124;", "<b>", "\\*", "*", "''", "'''", "[[", "]]", "[=", "=]",
        "{{TitledPage}}", "[[TitledPage x]]", "MissingPage", "[[MissingHere y]]", "HeroicSacrifice",
        "[[spoiler:", "[[note]]", "[[/note]]", "[-", "-]", "@@", "http://ex.org/i.png", "http://ex.org/p",
        "[[HeroicSacrifice http://ex.org/j.png]]", "\\\\\n", ":", "|", "\u00a0", "\u2003", "\x02", "\n",
    ]
)
_FIGURE_CONTENT = st.sampled_from(
    ["http://ex.org/a.png", "[[HeroicSacrifice http://ex.org/a.png]]", "[[MissingPage http://ex.org/a.png]]", "''t''"]
)


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(_FIGURE_CONTENT, st.lists(_CAPTION_TOKENS, min_size=1, max_size=12).map("".join), st.booleans())
def test_random_captions_are_byte_equal(content: str, caption: str, image_before: bool) -> None:
    """Whatever a caption holds, the image's ``alt`` made from it is Python-Markdown's, or the page falls back."""
    text = f"[[quoteright:300:{content}]]\n[[caption-width-right:300:{caption}]]\n"
    if image_before:
        text = f"[[quoteleft:10:http://ex.org/z.png]]\n{caption}\n{text}"
    resolver = _SmallWiki()
    assert render_html(text, resolver=resolver) == markdown_html(text, resolver=resolver)
