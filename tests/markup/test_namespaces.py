"""§5.2 Namespaces, subpages and the dot form (decision A16)."""

from __future__ import annotations

import pytest

from mkdocs_trope.markup import convert
from mkdocs_trope.names import PageName

from .golden import html, text, wiki_links

KNOWN_NAMESPACES = [
    "Main",
    "Administrivia",
    "Advertising",
    "Animation",
    "Anime",
    "ARG",
    "Art",
    "AudioPlay",
    "Blog",
    "Bollywood",
    "ComicBook",
    "ComicStrip",
    "Creator",
    "Film",
    "Series",
    "VideoGame",
    "Literature",
    "Manga",
    "Manhua",
    "Manhwa",
    "LightNovel",
    "Music",
    "Myth",
    "WesternAnimation",
    "WebAnimation",
    "Webcomic",
    "WebVideo",
    "WebSite",
    "Podcast",
    "Radio",
    "TabletopGame",
    "Theatre",
    "Toys",
    "VisualNovel",
    "Wrestling",
    "Franchise",
    "FanFic",
    "LetsPlay",
    "Roleplay",
    "Ride",
    "Misc",
    "YMMV",
    "Trivia",
    "SugarWiki",
    "UsefulNotes",
    "Awesome",
    "Funny",
    "Quotes",
    "Recap",
    "Characters",
    "WMG",
    "Headscratchers",
    "JustForFun",
    "PlayingWith",
    "Pantheon",
    "Archive",
    "Wiki",
    "Website",
    "Sandbox",
]


@pytest.mark.parametrize("namespace", KNOWN_NAMESPACES)
def test_every_known_namespace_links(namespace: str) -> None:
    assert wiki_links(html(f"See {namespace}/HeroicSacrifice.")) == [
        (f"/{namespace}/HeroicSacrifice/", "Heroic Sacrifice")
    ]


@pytest.mark.parametrize(
    ("source", "href", "shown"),
    [
        ("Film/TheEmpireStrikesBack", "/Film/TheEmpireStrikesBack/", "The Empire Strikes Back"),
        ("Creator/MarkHamill", "/Creator/MarkHamill/", "Mark Hamill"),
        ("WesternAnimation/{{Futurama}}", "/WesternAnimation/Futurama/", "Futurama"),
        ("{{WesternAnimation/Futurama}}", "/WesternAnimation/Futurama/", "Futurama"),
        ("Series/{{Firefly}}", "/Series/Firefly/", "Firefly"),
        ("WMG/TheoryOne", "/WMG/TheoryOne/", "Theory One"),
        ("YMMV/TheMatrix", "/YMMV/TheMatrix/", "The Matrix"),
        ("InterspeciesRomance/TabletopGames", "/InterspeciesRomance/TabletopGames/", "Tabletop Games"),
        ("InterspeciesRomance/{{Advertising}}", "/InterspeciesRomance/Advertising/", "Advertising"),
        ("AluminumChristmasTrees/LiveActionFilms", "/AluminumChristmasTrees/LiveActionFilms/", "Live Action Films"),
        ("Main/HeroicSacrifice", "/Main/HeroicSacrifice/", "Heroic Sacrifice"),
        ("Wiki/TVTropes", "/Wiki/TVTropes/", "TV Tropes"),
    ],
)
def test_slash_form_hides_the_namespace(source: str, href: str, shown: str) -> None:
    assert wiki_links(html(source)) == [(href, shown)]


@pytest.mark.parametrize(
    ("source", "href", "shown"),
    [
        ("Recap.FireflyS1E1", "/Recap/FireflyS1E1/", "Recap.Firefly S 1 E 1"),
        (
            "Characters.StarTrekDeepSpaceNine",
            "/Characters/StarTrekDeepSpaceNine/",
            "Characters.Star Trek Deep Space Nine",
        ),
        ("Main.HomePage", "/Main/HomePage/", "Main.Home Page"),
        ("Film.{{Casablanca}}", "/Film/Casablanca/", "Film.Casablanca"),
        ("{{Film.Casablanca}}", "/Film/Casablanca/", "Film.Casablanca"),
    ],
)
def test_dot_form_shows_the_namespace(source: str, href: str, shown: str) -> None:
    assert wiki_links(html(source)) == [(href, shown)]


def test_spec_example() -> None:
    soup = html("See Film/TheMatrix, Series/{{Firefly}} and Recap.FireflyS1E1.")
    assert wiki_links(soup) == [
        ("/Film/TheMatrix/", "The Matrix"),
        ("/Series/Firefly/", "Firefly"),
        ("/Recap/FireflyS1E1/", "Recap.Firefly S 1 E 1"),
    ]
    assert text(soup) == "See The Matrix, Firefly and Recap.Firefly S 1 E 1."


def test_italic_namespaced_link() -> None:
    soup = html("''Franchise/StarWars''")
    assert wiki_links(soup.find("em")) == [("/Franchise/StarWars/", "Star Wars")]


def test_wikiword_slash_wikiword_is_one_link() -> None:
    soup = html("HeadbuttingHeroes/TeethClenchedTeamwork")
    assert wiki_links(soup) == [("/HeadbuttingHeroes/TeethClenchedTeamwork/", "Teeth Clenched Teamwork")]


@pytest.mark.parametrize("source", ["Film/Casablanca", "AC/DC", "Either/Or", "Film/casablanca", "Film/"])
def test_page_part_must_be_a_wikiword(source: str) -> None:
    soup = html(source)
    assert soup.find("a") is None
    assert text(soup) == source


def test_namespace_case_is_kept_for_the_resolver() -> None:
    """``Videogame/`` is still a link; canonicalising the namespace is the resolver's job."""
    result = convert("Videogame/{{Warframe}}")
    assert [link.target for link in result.links] == [PageName("Videogame", "Warframe")]
    assert result.links[0].target.key == PageName("VideoGame", "Warframe").key
    assert wiki_links(html("Videogame/{{Warframe}}")) == [("/Videogame/Warframe/", "Warframe")]


def test_only_two_levels() -> None:
    soup = html("Film/FooBar/BazQux")
    assert wiki_links(soup) == [("/Film/FooBar/", "Foo Bar"), ("/Main/BazQux/", "Baz Qux")]
    assert text(soup) == "Foo Bar/Baz Qux"


def test_lowercase_before_dot_is_not_a_namespace() -> None:
    soup = html("the end.NextWord")
    assert all(not href.startswith("/end/") for href, _ in wiki_links(soup))
    assert "end." in text(soup)


def test_namespace_needs_two_characters() -> None:
    soup = html("A/FooBar")
    assert all(not href.startswith("/A/") for href, _ in wiki_links(soup))
    assert text(soup).startswith("A/")


def test_namespace_and_page_are_reported_as_written() -> None:
    result = convert("Film/TheMatrix Recap.FireflyS1E1 {{Series/Firefly}}")
    assert [link.target for link in result.links] == [
        PageName("Film", "TheMatrix"),
        PageName("Recap", "FireflyS1E1"),
        PageName("Series", "Firefly"),
    ]


def test_url_pattern_is_configurable() -> None:
    soup = html("Film/TheMatrix and HeroicSacrifice", url_pattern="/wiki/{namespace}.{name}.html")
    assert wiki_links(soup) == [
        ("/wiki/Film.TheMatrix.html", "The Matrix"),
        ("/wiki/Main.HeroicSacrifice.html", "Heroic Sacrifice"),
    ]
