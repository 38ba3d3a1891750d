"""§6.2–6.8: all caps, strike, super/subscript, small/big text, styled text, em dash, entities and raw HTML."""

from __future__ import annotations

import pytest

from .golden import codes, diagnostics, html, only, text, warnings, wiki_links


def test_all_caps_keeps_the_text_as_written() -> None:
    soup = html("[[AC:Anime and Manga]]")
    span = only(soup, "span", class_="asscaps")
    assert span.get_text() == "Anime and Manga"


def test_construct_names_are_case_insensitive() -> None:
    soup = html("[[ac:a]] [[Ac:b]] [[STRIKE:c]] [[Spoiler:d]]")
    assert [s.get_text() for s in soup.find_all("span", class_="asscaps")] == ["a", "b"]
    assert only(soup, "s").get_text() == "c"
    assert only(soup, "span", class_="spoiler").get_text() == "d"


def test_strike_example() -> None:
    soup = html("I [[strike:hate]] love it.")
    assert only(soup, "s").get_text() == "hate"
    assert text(soup) == "I hate love it."


def test_strike_content_is_inline_parsed() -> None:
    soup = html("[[strike:''a'' HeroicSacrifice]]")
    strike = only(soup, "s")
    assert only(strike, "em").get_text() == "a"
    assert wiki_links(strike) == [("/Main/HeroicSacrifice/", "Heroic Sacrifice")]


def test_superscript_and_subscript_example() -> None:
    soup = html("H[[subscript:2]]O and E=mc[[superscript:2]]")
    assert only(soup, "sub").get_text() == "2"
    assert only(soup, "sup").get_text() == "2"
    assert text(soup) == "H2O and E=mc2"


@pytest.mark.parametrize(
    ("source", "tag", "percent"),
    [
        ("[-small print-]", "small", None),
        ("[--smaller--]", "span", "69%"),
        ("[---tiny---]", "span", "58%"),
        ("[+big+]", "span", "120%"),
        ("[++bigger++]", "span", "144%"),
    ],
)
def test_small_and_big_text(source: str, tag: str, percent: str | None) -> None:
    soup = html(f"a {source} b")
    element = soup.find("p").find(tag)
    assert element is not None
    if percent is None:
        assert "tvt-small" in element["class"]
    else:
        assert element["style"] == f"font-size:{percent}"
    assert element.get_text() == source.strip("[]-+")
    assert text(soup) == f"a {source.strip('[]-+')} b"


def test_small_text_content_is_parsed() -> None:
    soup = html("[-''a'' HeroicSacrifice-]")
    small = only(soup, "small")
    assert only(small, "em").get_text() == "a"
    assert len(wiki_links(small)) == 1


def test_small_text_opener_and_closer_sizes_must_match() -> None:
    soup = html("[--a-] b--]")
    span = only(soup, "span", class_="tvt-size")
    assert text(span) == "a-] b"


def test_small_text_stays_on_its_logical_line() -> None:
    source = "[-a\nb-]"
    soup = html(source)
    assert text(only(soup, "small")) == "a"
    assert "b-]" in text(soup)


def test_small_text_misnested_with_a_bracket_construct() -> None:
    """Decision A11: the span closes at the end of its container; the late ``-]`` is dropped."""
    source = "[[center: [- small '''House Index'''\\\\\nmore ]]-]"
    soup = html(source)
    center = only(soup, "div", class_="tvt-center")
    small = only(center, "small")
    assert text(small) == "small House Index more"
    assert "-]" not in text(soup)
    assert "unclosed-size" in codes(source)


def test_unclosed_small_text_closes_at_the_end_of_the_line() -> None:
    source = "[-unclosed small"
    assert text(only(html(source), "small")) == "unclosed small"
    assert "unclosed-size" in codes(source)


@pytest.mark.parametrize(
    ("source", "shown"),
    [("stray -] here", "stray -] here"), ("stray +] here", "stray +] here"), ("list [a-] b", "list [a-] b")],
)
def test_orphan_size_closers_are_literal(source: str, shown: str) -> None:
    soup = html(source)
    assert soup.find(["small", "span"]) is None
    assert text(soup) == shown


def test_small_text_is_not_confused_with_escape_or_pothole() -> None:
    soup = html("[=-literal-=] [[FooBar -x-]]")
    assert soup.find("small") is None
    assert text(soup) == "-literal- -x-"


def test_evil_style() -> None:
    source = '[[evil:"I am evil"]]'
    span = only(html(source), "span", class_="tvt-evil")
    assert span.get_text() == '"I am evil"'
    assert warnings(source) == []


@pytest.mark.parametrize("name", ["invoked", "youtube", "glitch", "madeup-style"])
def test_unknown_named_construct_keeps_its_content_and_warns(name: str) -> None:
    """Decision A10."""
    source = f"[[{name}:some ''text'']]"
    soup = html(source)
    span = only(soup, "span", class_=f"tvt-{name}")
    assert only(span, "em").get_text() == "text"
    assert text(soup) == "some text"
    assert "unknown-construct" in codes(source)


# --------------------------------------------------------------------------------------- §6.7 em dash


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("creates a sinkhole -- the fact", "creates a sinkhole — the fact"),
        ("word--word", "word—word"),
        ("a --- b", "a --- b"),
        ("a ---- b", "a ---- b"),
        ("a --> b", "a --> b"),
        ("a - b", "a - b"),
        ("--", "—"),
    ],
)
def test_em_dash(source: str, shown: str) -> None:
    assert text(html(source)) == shown


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("[=a -- b=]", "a -- b"),
        ("[@a -- b@]", "a -- b"),
        ("@@a -- b@@", "a -- b"),
        ("http://example.org/a--b", "http://example.org/a--b"),
    ],
)
def test_no_em_dash_in_escapes_code_or_urls(source: str, shown: str) -> None:
    assert text(html(source)) == shown


def test_quote_attribution_idiom() -> None:
    soup = html("->''\"Wake up.\"''\n-->-- '''Morpheus'''")
    inner = soup.find("div", class_="indent").find("div", class_="indent")
    assert text(inner) == "— Morpheus"


# ------------------------------------------------------------------------------------ §6.8 entities, HTML


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("&amp;", "&"),
        ("&#91;", "["),
        ("&#x5B;", "["),
        ("&#123;", "{"),
        ("&#47;", "/"),
        ("&eacute;", "é"),
        ("&#124;", "|"),
        ("&nosuchentity;", "&nosuchentity;"),
        ("AT&T", "AT&T"),
    ],
)
def test_entities_decode_to_literal_characters(source: str, shown: str) -> None:
    assert text(html(f"a {source} b")) == f"a {shown} b"


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("&#39;&#39;not italic&#39;&#39;", "''not italic''"),
        ("&#91;&#91;spoiler:x&#93;&#93;", "[[spoiler:x]]"),
        ("&#123;&#123;Free&#125;&#125;", "{{Free}}"),
        ("&#42; not a list", "* not a list"),
    ],
)
def test_decoded_entities_are_never_markup(source: str, shown: str) -> None:
    soup = html(source)
    assert soup.find(["em", "span", "a", "ul"]) is None
    assert text(soup) == shown


@pytest.mark.parametrize(
    "source", ["<br>", "<b>bold</b>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "a < b > c"]
)
def test_raw_html_is_text(source: str) -> None:
    soup = html(source)
    assert soup.find(["br", "b", "script", "img"]) is None
    assert text(soup) == source


def test_inline_styles_produce_no_warnings() -> None:
    source = "[[AC:a]] [[strike:b]] [[superscript:c]] [[subscript:d]] [-e-] [+f+] [[evil:g]] -- h"
    assert warnings(source) == []
    assert all(d.severity == "info" for d in diagnostics(source))
