"""§5.4 Potholes ``[[target display text]]`` and numbered links (decisions A5, A6)."""

from __future__ import annotations

import pytest

from mkdocs_trope.markup import convert

from .golden import codes, html, links, only, text, warnings, wiki_links


@pytest.mark.parametrize(
    ("source", "href"),
    [
        ("[[HeroicSacrifice shown]]", "/Main/HeroicSacrifice/"),
        ("[[Film/TheMatrix shown]]", "/Film/TheMatrix/"),
        ("[[Recap.FireflyS1E1 shown]]", "/Recap/FireflyS1E1/"),
        ("[[{{Avatar}} shown]]", "/Main/Avatar/"),
        ("[[Film/{{Casablanca}} shown]]", "/Film/Casablanca/"),
        ("[[{{Film/Casablanca}} shown]]", "/Film/Casablanca/"),
        ("[[https://example.org/page shown]]", "https://example.org/page"),
        ("[[VideoGame/Fallout3 shown]]", "/VideoGame/Fallout3/"),
        ("[[VideoGame/{{Dota 2}} shown]]", "/VideoGame/Dota2/"),
        ("[[Series/{{The Outer Limits|1963}} shown]]", "/Series/TheOuterLimits1963/"),
    ],
)
def test_every_target_form(source: str, href: str) -> None:
    assert links(html(source)) == [(href, "shown")]
    assert warnings(source) == []


def test_spec_example() -> None:
    soup = html("Alice [[HeroicSacrifice gives her life]] in [[Film/FooBar2 the sequel]].")
    assert wiki_links(soup) == [("/Main/HeroicSacrifice/", "gives her life"), ("/Film/FooBar2/", "the sequel")]
    assert text(soup) == "Alice gives her life in the sequel."


def test_capitalised_token_after_namespace_is_a_target_only_in_a_pothole() -> None:
    soup = html("[[Film/Fallout3 the game]] but Film/Fallout3 in text")
    assert wiki_links(soup) == [("/Film/Fallout3/", "the game")]
    assert text(soup).endswith("but Film/Fallout3 in text")


def test_whitespace_inside_braces_does_not_end_the_target() -> None:
    soup = html("[[VideoGame/{{Dota 2}} the game]]")
    assert wiki_links(soup) == [("/VideoGame/Dota2/", "the game")]


def test_display_text_is_not_rescanned_for_wikiwords() -> None:
    soup = html("[[SelfDemonstratingArticle ManyWordsComeTogether Film/TheMatrix {{Free}}]]")
    link = only(soup, "a")
    assert link["href"] == "/Main/SelfDemonstratingArticle/"
    assert text(link) == "ManyWordsComeTogether Film/TheMatrix {{Free}}"


def test_emphasis_inside_display_text_is_processed() -> None:
    """Decision A5."""
    soup = html("[[Film/Foo ''Foo'' 2]]")
    link = only(soup, "a")
    assert link["href"] == "/Film/Foo/"
    assert link.find("em").get_text() == "Foo"
    assert text(link) == "Foo 2"


def test_emphasis_around_a_pothole() -> None:
    soup = html("''[[Film/Foo The Foo]]''")
    assert wiki_links(soup.find("em")) == [("/Film/Foo/", "The Foo")]


def test_image_url_as_display_text_makes_a_linked_image() -> None:
    soup = html("[[WesternAnimation/{{Shrek}} http://static.tvtropes.org/pmwiki/pub/images/Shrek_01_350_5696.png]]")
    link = only(soup, "a")
    assert link["href"] == "/WesternAnimation/Shrek/"
    image = only(link, "img")
    assert image["src"] == "http://static.tvtropes.org/pmwiki/pub/images/Shrek_01_350_5696.png"
    assert text(link) == ""


@pytest.mark.parametrize(
    ("source", "href"),
    [("[[http://www.google.com/]]", "http://www.google.com/"), ("[[FooBar]]", "/Main/FooBar/")],
)
def test_no_display_text_gives_a_numbered_link(source: str, href: str) -> None:
    assert links(html(source)) == [(href, "[1]")]


def test_numbers_count_up_per_page_in_order_across_blocks() -> None:
    soup = html(
        "[[http://a.example/]] and [[FooBar]]\n\n* [[Film/TheMatrix]]\n\n[[https://b.example/ named]] [[BazQux]]"
    )
    assert [shown for _, shown in links(soup)] == ["[1]", "[2]", "[3]", "named", "[4]"]


def test_numbering_restarts_for_each_page() -> None:
    assert [shown for _, shown in links(html("[[FooBar]]"))] == ["[1]"]
    assert [shown for _, shown in links(html("[[FooBar]]"))] == ["[1]"]


@pytest.mark.parametrize("source", ["[[Hello world]]", "[[Foo|bar]]", "[[FooBar|shown text]]", "[[lower case]]"])
def test_invalid_target_is_literal_and_warned(source: str) -> None:
    soup = html(f"a {source} b")
    assert soup.find("a") is None
    assert text(soup) == f"a {source} b"
    assert "bad-link" in codes(source)


def test_pipe_is_not_a_separator() -> None:
    soup = html("[[FooBar|shown]]")
    assert soup.find("a") is None


def test_adjacent_potholes_stay_independent() -> None:
    soup = html("[[TechnicalPacifist Never]] [[BadassPacifist Actually Kil]][[MartialPacifist ling Someone]]")
    assert wiki_links(soup) == [
        ("/Main/TechnicalPacifist/", "Never"),
        ("/Main/BadassPacifist/", "Actually Kil"),
        ("/Main/MartialPacifist/", "ling Someone"),
    ]
    assert text(soup) == "Never Actually Killing Someone"


def test_pothole_nested_in_spoiler() -> None:
    soup = html("[[spoiler:the [[TheButlerDidIt butler]] did it]]")
    spoiler = only(soup, "span", class_="spoiler")
    assert wiki_links(spoiler) == [("/Main/TheButlerDidIt/", "butler")]
    assert text(spoiler) == "the butler did it"


def test_pothole_nested_in_all_caps() -> None:
    soup = html("[[AC:[[RecycledInSpace IN SPACE!]]]]")
    caps = only(soup, "span", class_="asscaps")
    assert wiki_links(caps) == [("/Main/RecycledInSpace/", "IN SPACE!")]


@pytest.mark.parametrize(
    "display",
    ["one ] bracket", "it's here", "colon: yes", '"quoted"', "Ünïcödé — ok", "a [ b", "50% off", "x & y"],
)
def test_display_text_may_hold_punctuation(display: str) -> None:
    assert wiki_links(html(f"[[FooBar {display}]]")) == [("/Main/FooBar/", display)]


def test_leading_spaces_of_display_text_are_trimmed() -> None:
    link = only(html("[[FooBar      spaced out]]"), "a")
    assert link.get_text() == "spaced out"


def test_link_inside_display_text_shows_only_its_text() -> None:
    source = "[[FooBar see [[BazQux inner]] here]]"
    soup = html(source)
    assert wiki_links(soup) == [("/Main/FooBar/", "see inner here")]
    assert len(warnings(source)) == 1


def test_pothole_in_emphasised_sentence_with_apostrophes() -> None:
    soup = html("'''[[HeroicSacrifice Alice's]] choice'''")
    strong = only(soup, "strong")
    assert wiki_links(strong) == [("/Main/HeroicSacrifice/", "Alice's")]
    assert text(strong) == "Alice's choice"


def test_unclosed_pothole_is_literal_and_warned() -> None:
    source = "a [[FooBar never closed"
    soup = html(source)
    assert text(soup) == "a [[Foo Bar never closed" or text(soup) == "a [[FooBar never closed"
    assert len(warnings(source)) == 1


def test_pothole_targets_are_reported_as_links() -> None:
    result = convert("[[Film/TheMatrix x]] [[{{Avatar}} y]] [[https://example.org z]]")
    assert [str(link.target) for link in result.links] == ["Film/TheMatrix", "Avatar"]


def test_triple_bracket_keeps_the_extra_bracket() -> None:
    soup = html("[[[FooBar shown]]")
    assert wiki_links(soup) == [("/Main/FooBar/", "shown")]
    assert text(soup) == "[shown"


def test_custom_titles_replace_derived_text_but_never_pothole_or_pipe_text() -> None:
    """Decision A4: WikiWords and braces show a known custom title; potholes and pipe forms keep typed text."""
    from mkdocs_trope.extensions import UrlPatternResolver

    resolver = UrlPatternResolver(titles={"Main/OrWasItADream": "Or Was It a Dream?"})
    soup = html("OrWasItADream {{Or Was It A Dream}} [[OrWasItADream typed]] {{Or|WasItADream}}", resolver=resolver)
    assert [shown for _, shown in wiki_links(soup)] == ["Or Was It a Dream?", "Or Was It a Dream?", "typed", "Or"]
