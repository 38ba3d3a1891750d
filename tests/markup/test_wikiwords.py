"""§5.1 WikiWords: the rule, AsSpaced display (decision A7), boundaries and where words are never linked."""

from __future__ import annotations

import pytest

from mkdocs_trope.markup import convert
from mkdocs_trope.names import PageName, as_spaced, is_wikiword

from .golden import html, text, wiki_links

IS_WIKIWORD = [
    "HeroicSacrifice",
    "TVTropes",
    "OrWasItADream",
    "TropesAToH",
    "HoMepage",
    "MP3",
    "RPGs",
    "NPCs",
    "DVDs",
    "GoT",
    "McDonald",
    "LaTeX",
    "R2D2",
    "Area51Base",
    "FireflyS1E1",
    "HeroicSacrifices",
]
NOT_WIKIWORD = [
    "Hello",
    "Avatar",
    "Futurama",
    "NASA",
    "ABC",
    "TV",
    "Babylon5",
    "Area51",
    "X2",
    "iPod",
    "eBay",
    "3D",
    "A",
    "aB",
]


@pytest.mark.parametrize("word", IS_WIKIWORD)
def test_wikiword_rule_yes(word: str) -> None:
    assert is_wikiword(word)
    soup = html(f"a {word} b")
    assert wiki_links(soup) == [(f"/Main/{word}/", as_spaced(word))]


@pytest.mark.parametrize("word", NOT_WIKIWORD)
def test_wikiword_rule_no(word: str) -> None:
    assert not is_wikiword(word)
    soup = html(f"a {word} b")
    assert soup.find("a") is None
    assert text(soup) == f"a {word} b"


@pytest.mark.parametrize(
    ("word", "spaced"),
    [
        ("HeroicSacrifice", "Heroic Sacrifice"),
        ("TVTropes", "TV Tropes"),
        ("OrWasItADream", "Or Was It A Dream"),
        ("TropesAToH", "Tropes A To H"),
        ("HoMepage", "Ho Mepage"),
        ("MP3", "MP 3"),
        ("RPGs", "RP Gs"),
        ("FireflyS1E1", "Firefly S 1 E 1"),
        ("CommunityS1E23", "Community S 1 E 23"),
        ("Area51Base", "Area 51 Base"),
        ("R2D2", "R 2 D 2"),
        ("McDonald", "Mc Donald"),
    ],
)
def test_as_spaced(word: str, spaced: str) -> None:
    assert as_spaced(word) == spaced
    assert wiki_links(html(word)) == [(f"/Main/{word}/", spaced)]


def test_spec_example() -> None:
    soup = html("A classic HeroicSacrifice, not a Hero.")
    assert wiki_links(soup) == [("/Main/HeroicSacrifice/", "Heroic Sacrifice")]
    assert text(soup) == "A classic Heroic Sacrifice, not a Hero."


@pytest.mark.parametrize("before", ["x", "1", "_", "é"])
def test_no_word_boundary_before_means_no_link(before: str) -> None:
    """The match needs a word boundary: ``iPod`` does not link ``Pod``; ``x_FooBar`` does not link."""
    soup = html(f"{before}HeroicSacrifice")
    assert soup.find("a") is None
    assert text(soup) == f"{before}HeroicSacrifice"


@pytest.mark.parametrize("before", ["(", "-", "/", "'", '"', " ", "*"])
def test_punctuation_before_is_a_boundary(before: str) -> None:
    assert wiki_links(html(f"x {before}HeroicSacrifice"))[0][0] == "/Main/HeroicSacrifice/"


def test_hyphen_breaks_a_word() -> None:
    assert html("Know-How").find("a") is None
    soup = html("Super-HeroicSacrifice")
    assert wiki_links(soup) == [("/Main/HeroicSacrifice/", "Heroic Sacrifice")]
    assert text(soup) == "Super-Heroic Sacrifice"


def test_underscore_inside_a_word_prevents_the_link_after_it() -> None:
    soup = html("Foo_BarBaz")
    assert soup.find("a") is None


def test_apostrophe_ends_a_word() -> None:
    soup = html("OurHero's day")
    assert wiki_links(soup) == [("/Main/OurHero/", "Our Hero")]
    assert text(soup) == "Our Hero's day"


def test_plural_is_a_different_page_not_a_suffix() -> None:
    soup = html("HeroicSacrifices")
    assert wiki_links(soup) == [("/Main/HeroicSacrifices/", "Heroic Sacrifices")]


def test_every_occurrence_is_linked() -> None:
    soup = html("HeroicSacrifice, HeroicSacrifice and HeroicSacrifice.")
    assert len(wiki_links(soup)) == 3


def test_link_inside_emphasis() -> None:
    soup = html("''Film/ThePrincessBride''")
    em = soup.find("em")
    assert wiki_links(em) == [("/Film/ThePrincessBride/", "The Princess Bride")]


@pytest.mark.parametrize(
    "source",
    [
        "[=HeroicSacrifice=]",
        "%% HeroicSacrifice",
        "http://example.org/HeroicSacrifice",
        "[[FooBar HeroicSacrifice shown]]",
        "[@HeroicSacrifice@]",
    ],
)
def test_never_linked_inside_escapes_comments_urls_or_display_text(source: str) -> None:
    soup = html(source)
    assert all("HeroicSacrifice" not in href for href, _ in wiki_links(soup))
    assert "Heroic Sacrifice" not in text(soup)


def test_bare_wikiword_keeps_the_name_as_written_and_no_namespace() -> None:
    """Decision A22: the converter reports the written name; the resolver picks the namespace."""
    result = convert("HeroicSacrifice")
    assert [link.target for link in result.links] == [PageName(None, "HeroicSacrifice")]


def test_lookup_key_is_case_insensitive() -> None:
    assert PageName(None, "HoMepage").key == PageName("Main", "HomePage").key
    assert PageName("videogame", "Warframe").key == PageName("VideoGame", "warframe").key


def test_links_report_their_source_line() -> None:
    result = convert("first line\n\nthen HeroicSacrifice\nand FooBar")
    assert [(str(link.target), link.line) for link in result.links] == [("HeroicSacrifice", 3), ("FooBar", 4)]


def test_wikiword_followed_by_digits_and_letters_is_one_word() -> None:
    soup = html("FooBar2000s")
    assert wiki_links(soup) == [("/Main/FooBar2000s/", as_spaced("FooBar2000s"))]


def test_non_ascii_letters_end_the_word() -> None:
    soup = html("FooBarñ")
    assert wiki_links(soup) == [("/Main/FooBar/", "Foo Bar")]
    assert text(soup) == "Foo Barñ"
