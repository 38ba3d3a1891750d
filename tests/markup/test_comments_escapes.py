"""§3 comments ``%%``, §4 escapes ``[=..=]``, ``[@..@]``, monospace ``@@..@@``, §5.7 legacy ``[=~..~=]``."""

from __future__ import annotations

import pytest

from mkdocs_trope.markup import convert

from .golden import codes, html, links, only, text, warnings, wiki_links

# ------------------------------------------------------------------------------------------- §3 comments


def test_comment_to_end_of_line_is_removed() -> None:
    soup = html("Trope text. %% TODO: add examples")
    assert text(soup) == "Trope text."
    assert "TODO" not in soup.get_text()


def test_whole_line_comment_vanishes() -> None:
    soup = html("%% Image selected per Image Pickin' thread: http://example.org/thread\nBody.")
    assert text(soup) == "Body."
    assert soup.find("a") is None


def test_lone_percent_line_is_a_separator_that_produces_nothing() -> None:
    soup = html("one\n%%\n%%\ntwo")
    assert text(soup) == "one two"
    assert "%" not in soup.get_text()


@pytest.mark.parametrize(
    "comment",
    [
        "%% see HeroicSacrifice and Film/TheMatrix",
        "%% {{Free Link}} and [[FooBar pothole]]",
        "%% http://example.org/FooBar.png",
        "%% [[spoiler:x]] ''em'' [[note]]n[[/note]]",
        "%% [[folder:Title]]",
        "%% [[redirect:FooBar]]",
    ],
)
def test_markup_inside_comments_is_inert(comment: str) -> None:
    result = convert(f"Kept. {comment}\nNext.")
    soup = html(f"Kept. {comment}\nNext.")
    assert text(soup) == "Kept. Next."
    assert soup.find(["a", "img", "em", "span", "details"]) is None
    assert result.links == ()
    assert result.diagnostics == ()
    assert result.redirect is None


def test_escape_inside_comment_is_removed_with_the_comment() -> None:
    soup = html("%% PANTHEON SEARCH DATABASE DATA: [=A,B,C=]\nBody.")
    assert text(soup) == "Body."


def test_escaped_percent_signs_are_literal() -> None:
    """Single scan: ``[=`` before ``%%`` wins."""
    assert text(html("Use [=%%=] to comment.")) == "Use %% to comment."


def test_unclosed_escape_after_comment_does_not_swallow_following_lines() -> None:
    soup = html("%% type [= to escape\nHeroicSacrifice here =] too")
    assert wiki_links(soup) == [("/Main/HeroicSacrifice/", "Heroic Sacrifice")]
    assert "here =] too" in text(soup)


@pytest.mark.parametrize("source", ["100% sure, 50% off", "a %aa% b", "%red%colour"])
def test_percent_word_sequences_stay_literal(source: str) -> None:
    """Decision A12: ``%word%`` is text."""
    assert text(html(source)) == source


def test_single_percent_in_url_is_not_a_comment() -> None:
    soup = html("See http://example.org/a%20b now.")
    assert links(soup) == [("http://example.org/a%20b", "http://example.org/a%20b")]
    assert text(soup) == "See http://example.org/a%20b now."


# ------------------------------------------------------------------------------------------- §4.1 [=..=]


def test_spec_example_escapes_stop_links() -> None:
    soup = html("The [=NASA=] [=SpaceShip=] flew.")
    assert text(soup) == "The NASA SpaceShip flew."
    assert soup.find("a") is None


@pytest.mark.parametrize("word", ["LISP", "TomKat", "#TVTropes", "DeLorean", "FuSoYa", "NotAWikiWord"])
def test_escaped_accidental_wikiwords_are_plain_text(word: str) -> None:
    soup = html(f"Say [={word}=] aloud.")
    assert soup.find("a") is None
    assert text(soup) == f"Say {word} aloud."


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("[={{these}}=]", "{{these}}"),
        ("[=''ThePriceIsRight''=]", "''ThePriceIsRight''"),
        ("[=[[FooBar text]]=]", "[[FooBar text]]"),
        ("[=[[spoiler:x]]=]", "[[spoiler:x]]"),
        ("[=* not a list=]", "* not a list"),
        ("[=!not a heading=]", "!not a heading"),
        ("[=->not an indent=]", "->not an indent"),
        ("[=@@not code@@=]", "@@not code@@"),
        ("[=a -- b=]", "a -- b"),
        ("[=http://example.org/x.png=]", "http://example.org/x.png"),
        ("[=<b>raw</b> &amp;=]", "<b>raw</b> &amp;"),
    ],
)
def test_escape_shows_markup_literally(source: str, shown: str) -> None:
    soup = html(source)
    assert text(soup) == shown
    assert soup.find(["a", "em", "strong", "span", "ul", "h2", "div", "code", "img", "b"]) is None


def test_escaped_slash_separates_two_wikiwords() -> None:
    soup = html("HeadbuttingHeroes[=/=]TeethClenchedTeamwork")
    assert wiki_links(soup) == [
        ("/Main/HeadbuttingHeroes/", "Headbutting Heroes"),
        ("/Main/TeethClenchedTeamwork/", "Teeth Clenched Teamwork"),
    ]
    assert text(soup) == "Headbutting Heroes/Teeth Clenched Teamwork"


def test_empty_escape_is_a_zero_width_separator() -> None:
    assert text(html("[=[==]~x~[==]=]")) == "[=~x~=]"
    soup = html("Foo[==]Bar")
    assert text(soup) == "FooBar"
    assert soup.find("a") is None


def test_escape_is_non_greedy() -> None:
    soup = html("[=FooBar=] ''between'' [=BazQux=]")
    assert only(soup, "em").get_text() == "between"
    assert soup.find("a") is None
    assert text(soup) == "FooBar between BazQux"


def test_escape_may_span_lines() -> None:
    soup = html("[=first FooBar\nsecond BazQux=] after HeroicSacrifice")
    assert wiki_links(soup) == [("/Main/HeroicSacrifice/", "Heroic Sacrifice")]
    assert "first FooBar" in text(soup)
    assert "second BazQux" in text(soup)


def test_unclosed_escape_is_literal_and_warned() -> None:
    source = "a [= unclosed HeroicSacrifice"
    soup = html(source)
    assert text(soup) == "a [= unclosed Heroic Sacrifice"
    assert wiki_links(soup) == [("/Main/HeroicSacrifice/", "Heroic Sacrifice")]
    found = warnings(source)
    assert len(found) == 1
    assert (found[0].line, found[0].column) == (1, 3)


def test_closer_without_opener_is_literal() -> None:
    assert text(html("a =] b")) == "a =] b"


def test_escape_inside_pothole_display_text_stays_literal() -> None:
    soup = html("[[FooBar shown [=''quoted'' BazQux=] text]]")
    link = only(soup, "a")
    assert link["href"] == "/Main/FooBar/"
    assert text(link) == "shown ''quoted'' BazQux text"
    assert link.find("em") is None


def test_escape_cannot_be_a_pothole_target() -> None:
    soup = html("[[[=FooBar=] text]]")
    assert soup.find("a") is None
    assert text(soup) == "[[FooBar text]]"


# ------------------------------------------------------------------------------------------- §4.2 [@..@]


def test_escaped_code_is_literal_code() -> None:
    soup = html("Type [@''x'' FooBar [[A b]]@] here.")
    code = only(soup, "code")
    assert code.get_text() == "''x'' FooBar [[A b]]"
    assert code.find(["em", "a"]) is None
    assert text(soup) == "Type ''x'' FooBar [[A b]] here."


def test_unclosed_escaped_code_is_literal() -> None:
    soup = html("a [@ b")
    assert soup.find("code") is None
    assert text(soup) == "a [@ b"


# ------------------------------------------------------------------------------------------- §4.3 @@..@@


def test_spec_example_monospace_with_escape() -> None:
    soup = html("Type @@[=''x''=]@@ for italics.")
    assert only(soup, "code").get_text() == "''x''"
    assert text(soup) == "Type ''x'' for italics."


def test_monospace_content_is_still_parsed() -> None:
    soup = html("@@''x'' HeroicSacrifice@@")
    code = only(soup, "code")
    assert code.find("em").get_text() == "x"
    assert code.find("a", class_="twikilink")["href"] == "/Main/HeroicSacrifice/"


def test_monospace_is_non_greedy() -> None:
    soup = html("@@a@@ b @@c@@")
    assert [c.get_text() for c in soup.find_all("code")] == ["a", "c"]


@pytest.mark.parametrize("source", ["@@unclosed code", "@@a\nb@@"])
def test_unpaired_monospace_is_literal(source: str) -> None:
    soup = html(source)
    assert soup.find("code") is None
    assert text(soup) == " ".join(source.split())


def test_ptitle_example_in_monospace() -> None:
    soup = html("-->@@[=* [[{{ptitlexybbnn9c}} Your Trope!]]=]@@")
    code = only(soup.find("div", class_="indent"), "code")
    assert code.get_text() == "* [[{{ptitlexybbnn9c}} Your Trope!]]"
    assert soup.find("a") is None


# ------------------------------------------------------------------------------------- §5.7 [=~..~=]


def test_spec_example_legacy_punctuated_title() -> None:
    source = "[=~Why Won't You Die?~=]"
    soup = html(source)
    assert links(soup) == [("/Main/WhyWontYouDie/", "Why Won't You Die?")]
    assert "legacy" in codes(source)


def test_punctuated_title_keeps_text_verbatim() -> None:
    soup = html("A [=~The Apostrophe's Dilemma~=] page.")
    link = only(soup, "a")
    assert link["href"] == "/Main/TheApostrophesDilemma/"
    assert link.get_text() == "The Apostrophe's Dilemma"
