"""§1 processing model and robustness, §20 other constructs, §21 precedence/nesting, diagnostics, linear time."""

from __future__ import annotations

import re
import sys
import time

import pytest

from mkdocs_trope.markup import Severity, convert

from .golden import codes, html, only, text, warnings, wiki_links

# ------------------------------------------------------------------------------------- §1 robustness

MALFORMED = [
    "[[spoiler:never closed alpha",
    "[[FooBar unclosed pothole beta",
    "gamma ]] orphan ]] closers",
    "[[note]] delta no close",
    "epsilon [[/labelnote]] orphan",
    "[[folder:zeta]] no close",
    "eta\n[[/folder]]\ntheta",
    "{{unclosed iota free",
    "[= unclosed kappa escape",
    "[@ unclosed lambda code",
    "''unbalanced mu '''quotes",
    "[-unclosed nu [+ big xi",
    "@@ odd omicron @@ code @@ pi",
    "[[quoteright:bad:rho]]",
    "[[indent:x]] sigma",
    "[[unknown:tau thing]]",
    "[[[[[[upsilon]]",
    "||phi||chi\n||psi",
    "[[labelnote:omega]]body [[/note]] mismatch",
    "[[center:alpha2 [[spoiler:beta2]]",
    "[[caption-width-right:350:[[labelnote:gamma2]]delta2]][[/labelnote]]",
    "[[]] [[ ]] [[:]] {{|}} epsilon2",
    "[[ FooBar zeta2]]",
    "[[Hello eta2 world]]",
    "x]]]]theta2",
    "[[redirect:not iota2 page]]",
    "[[hottip:kappa2]]",
    "[[folder:[[spoiler:lambda2]]",
    "&#xZZ; mu2 &#99999999; &bogus",
    "\u0000nu2\u0007",
]


def words(source: str) -> list[str]:
    return re.findall(r"[a-z][a-z0-9]+", source)


@pytest.mark.parametrize("source", MALFORMED)
def test_no_text_is_lost_on_malformed_input(source: str) -> None:
    """Robustness rule: anything that cannot be parsed comes out as text (or as its content)."""
    shown = "".join(text(html(source)).split()).lower()
    for word in words(source):
        if word in {"spoiler", "note", "labelnote", "folder", "quoteright", "indent", "unknown", "center"}:
            continue  # construct names are markup, not text
        if word in {"caption", "width", "right", "redirect", "hottip", "bogus", "xzz"}:
            continue
        assert word in shown, (word, shown)


NOT_DIAGNOSED = {"''unbalanced mu '''quotes", "&#xZZ; mu2 &#99999999; &bogus"}
"""Apostrophes and ampersands are ordinary prose: unpaired ones are text, not mistakes."""


@pytest.mark.parametrize("source", [source for source in MALFORMED if source not in NOT_DIAGNOSED])
def test_malformed_input_is_diagnosed_with_a_position(source: str) -> None:
    found = convert(source).diagnostics
    assert found
    for diagnostic in found:
        assert diagnostic.line >= 1 and diagnostic.column >= 1
        assert diagnostic.message
        assert diagnostic.severity in (Severity.INFO, Severity.WARNING, Severity.ERROR)


def test_diagnostic_positions_point_at_the_source() -> None:
    source = "line one\n  second [[Hello world]]\n[=a\nb=] [[Bad target]]\nx\\\\\nyy [[Bad t]]"
    found = [(d.line, d.column, d.code) for d in convert(source).diagnostics]
    assert found == [(2, 10, "bad-link"), (4, 5, "bad-link"), (6, 4, "bad-link")]


def test_diagnostic_format() -> None:
    diagnostic = convert("[[Hello world]]").diagnostics[0]
    line = diagnostic.format("docs/Main/Page.trope")
    assert line.startswith("docs/Main/Page.trope:1:1: warning: ")
    assert diagnostic.hint and diagnostic.hint in line


def test_diagnostics_are_sorted_by_position() -> None:
    found = convert("a ]]\n[[b\n{{c's}} ]]").diagnostics
    assert [(d.line, d.column) for d in found] == sorted((d.line, d.column) for d in found)


def test_clean_page_has_no_diagnostics() -> None:
    page = (
        "[[quoteright:350:https://example.org/a.png]]\n[[caption-width-right:350:A caption]]\n"
        "->''\"Quote.\"''\n-->-- '''Someone'''\n\nA HeroicSacrifice is {{when}} a hero dies.\n----\n"
        "!!Examples:\n[[foldercontrol]]\n[[folder:Film]]\n* ''Film/{{Alien}}'': [[spoiler:Ripley]].[[note]]n[[/note]]\n"
        "[[/folder]]\n"
    )
    assert convert(page).diagnostics == ()


def test_line_endings_are_normalised() -> None:
    assert text(html("a\r\nb\r\n\r\nc")) == text(html("a\nb\n\nc"))
    assert len(html("a\r\n\r\nc").find_all("p")) == 2


def test_byte_order_mark_is_dropped() -> None:
    assert text(html("\ufeffHello")) == "Hello"


def test_control_characters_are_replaced_and_reported() -> None:
    source = "a\u0000b"
    assert "\u0000" not in text(html(source))
    assert convert(source).diagnostics


def test_links_are_placeholders_before_emphasis() -> None:
    """Quotes inside a link's text or URL never pair with quotes outside it."""
    soup = html("''a [[https://example.org/it''s x]] b''")
    em = only(soup, "em")
    assert em.find("a") is not None


def test_bare_urls_before_wikiwords() -> None:
    soup = html("https://example.org/HeroicSacrifice HeroicSacrifice")
    assert len(wiki_links(soup)) == 1


# ------------------------------------------------------------------------------------ §20 other constructs


def test_invoked_is_an_ordinary_free_link_or_unknown_construct() -> None:
    assert wiki_links(html("{{Invoked}}")) == [("/Main/Invoked/", "Invoked")]
    source = "[[invoked]]"
    assert text(html(source)) == source
    assert warnings(source)


def test_youtube_is_not_embedded() -> None:
    soup = html("[[youtube:abc123]]")
    assert soup.find(["iframe", "video", "embed", "object"]) is None
    assert "abc123" in text(soup)


@pytest.mark.parametrize("source", ["[[spacewikiwords]]", "[[noheader]]", "(:include Page:)", "(:title x:)"])
def test_pmwiki_directives_render_literally(source: str) -> None:
    assert text(html(source)) == source


# ------------------------------------------------------------------------------------ §21 precedence


def test_quad_closer_closes_two_levels() -> None:
    soup = html("[[AC:[[spoiler:x]]]] after")
    caps = only(soup, "span", class_="asscaps")
    assert only(caps, "span", class_="spoiler").get_text() == "x"
    assert text(soup) == "x after"


def test_three_deep_nesting() -> None:
    soup = html("[[spoiler:a [[AC:b [[FooBar c]]]]]]")
    spoiler = soup.find("span", class_="spoiler")
    caps = only(spoiler, "span", class_="asscaps")
    assert wiki_links(caps) == [("/Main/FooBar/", "c")]


def test_unclosed_opener_is_literal_and_inner_constructs_still_work() -> None:
    soup = html("[[ never closed [[spoiler:inner]]")
    assert only(soup, "span", class_="spoiler").get_text() == "inner"
    assert text(soup).startswith("[[ never closed")


def test_paired_tags_use_their_own_stack() -> None:
    soup = html("[[note]]a [[spoiler:b]] c[[/note]]")
    body = only(soup, "span", class_="notebody")
    assert only(body, "span", class_="spoiler").get_text() == "b"
    assert text(body) == "a b c"


def test_escape_beats_everything() -> None:
    soup = html("[=[[folder:x]] %% ''y'' {{z}} HeroicSacrifice=]")
    assert soup.find(["details", "em", "a"]) is None
    assert text(soup) == "[[folder:x]] %% ''y'' {{z}} HeroicSacrifice"


def test_comment_beats_brackets_that_would_span_it() -> None:
    soup = html("[[spoiler:a %% ]] hidden\nb")
    assert soup.find("span", class_="spoiler") is None
    assert "hidden" not in text(soup)


def test_emphasis_and_small_text_stay_on_their_logical_line_but_cross_joins() -> None:
    soup = html("[-a\\\nb-] ''c\\\\\nd''")
    assert text(only(soup, "small")) == "a b"
    assert text(only(soup, "em")) == "c d"


# ------------------------------------------------------------------------------------------- linear time


HOSTILE = [
    "[[" * 20000,
    "]]" * 20000,
    "[[a " * 10000 + "]]" * 5000,
    "{{" * 20000,
    "{{a" * 10000 + "}}",
    "''" * 20000 + "x",
    "'''a''" * 5000,
    "[-" * 20000,
    "-]" * 20000,
    "[=" * 20000,
    "@@" * 20001,
    "HeroicSacrifice " * 5000,
    "A" * 50000,
    "Aa" * 25000,
    "Film/" * 10000,
    "http://" + "a" * 50000,
    "%" * 50000,
    "\\" * 50000,
    "* " * 10000,
    "-" * 50000 + ">",
    "||" * 20000,
    "[[note]]" * 5000,
    "[[folder:x]]\n" * 3000,
]


@pytest.mark.parametrize("source", HOSTILE, ids=[f"hostile{i}" for i in range(len(HOSTILE))])
def test_hostile_input_converts_quickly(source: str) -> None:
    limit = 2.0 if sys.gettrace() is None else 6.0  # a tracer (coverage) makes pure Python about three times slower
    start = time.perf_counter()
    convert(source)
    assert time.perf_counter() - start < limit


def test_conversion_time_grows_linearly() -> None:
    unit = "* ''a'' [[spoiler:b [[FooBar c]]]] {{d e}}s HeroicSacrifice [-f-] @@g@@ -- h\n"
    small, large = unit * 200, unit * 2000
    start = time.perf_counter()
    convert(small)
    first = time.perf_counter() - start
    start = time.perf_counter()
    convert(large)
    second = time.perf_counter() - start
    assert second < first * 30 + 0.05


def test_codes_are_stable_identifiers() -> None:
    for code in codes("[[Hello world]] {{a's}} [[x:y]] [=z"):
        assert re.fullmatch(r"[a-z][a-z-]*", code)


def test_undecodable_bytes_are_tolerated_and_reported() -> None:
    """Pages are read as UTF-8; cp1252 bytes (as fetched from the site) never stop a build."""
    from mkdocs_trope.markup.source import decode

    assert decode("café HeroicSacrifice".encode()) == ("café HeroicSacrifice", None)
    assert decode(b"\xef\xbb\xbfBOM") == ("BOM", None)
    shown, problem = decode("café “quoted”".encode("cp1252"))
    assert shown.startswith("caf") and "quoted" in shown
    assert problem and "byte offset 3" in str(problem) and (problem.line, problem.column) == (1, 4)
