"""§24: troper handles, anchors, colours, folder titles over several lines and smaller points of fidelity."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from mkdocs_trope.markup import convert

from .golden import codes, html, links, only, text, warnings, wiki_links


def markdown_links(source: str) -> list[tuple[str, str]]:
    """Links of a Markdown page rendered with the wiki-link extension alone (default URL pattern)."""
    out = markdown.markdown(source, extensions=["mkdocs_trope.extensions.wikilinks"])
    return [(a.get("href", ""), text(a)) for a in BeautifulSoup(out, "html.parser").find_all("a")]


# ----------------------------------------------------------------------------------------- troper handles


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("by @/FastEddie today", "Fast Eddie"),
        ("by @/{{Fast Eddie}} today", "Fast Eddie"),
        ("by {{@/FastEddie}} today", "FastEddie"),
        ("by [[@/FastEddie the editor]] today", "the editor"),
        ("by [[{{@/Fast Eddie}} the editor]] today", "the editor"),
        ("by [[@/{{Fast Eddie}} the editor]] today", "the editor"),
    ],
)
def test_troper_handles_link_to_tropers_pages(source: str, shown: str) -> None:
    soup = html(source)
    assert wiki_links(soup) == [("/Tropers/FastEddie/", shown)]
    assert text(soup) == f"by {shown} today"
    assert warnings(source) == []


def test_a_wiki_of_handles_lists_each_one() -> None:
    """The shape of the WMG page that showed a dozen raw ``[[{{@/...}} ...]]``."""
    source = "* [[{{@/Alpha}} Alpha's theory]]\n* [[{{@/BetaMax}} Beta]]\n* @/GammaRay agrees"
    soup = html(source)
    assert wiki_links(soup) == [
        ("/Tropers/Alpha/", "Alpha's theory"),
        ("/Tropers/BetaMax/", "Beta"),
        ("/Tropers/GammaRay/", "Gamma Ray"),
    ]
    assert "@/" not in text(soup) and "{{" not in text(soup)


@pytest.mark.parametrize("source", ["mail me@/FooBar now", "an @/ alone", "@/lowercase name", "@/Single word"])
def test_what_is_not_a_handle_stays_text(source: str) -> None:
    soup = html(source)
    assert [href for href, _ in wiki_links(soup) if "Tropers" in href] == []
    assert text(soup).replace(" ", "") == source.replace(" ", "")


def test_handles_in_markdown_pages() -> None:
    assert markdown_links("[[@/FastEddie Eddie]] and {{@/Fast Eddie}}") == [
        ("/Tropers/FastEddie/", "Eddie"),
        ("/Tropers/FastEddie/", "Fast Eddie"),
    ]


# ------------------------------------------------------------------------------------------------ anchors


def test_an_anchor_marks_a_place_and_shows_nothing() -> None:
    soup = html("Start.\n\n[[#cast]]Cast list here.")
    anchor = only(soup, "span", class_="tvt-anchor")
    assert anchor["id"] == "cast" and text(anchor) == ""
    assert text(soup) == "Start. Cast list here."


def test_a_name_marks_one_place() -> None:
    source = "[[#cast]]One.\n\n[[#cast]]Two."
    soup = html(source)
    assert [span["id"] for span in soup.find_all("span", class_="tvt-anchor")] == ["cast"]
    assert text(soup) == "One. Two."
    assert [(d.line, d.code) for d in warnings(source)] == [(3, "duplicate-anchor")]


@pytest.mark.parametrize(
    ("source", "href", "shown"),
    [
        ("[[#cast see the cast]]", "#cast", "see the cast"),
        ("[[Film/TheMatrix#cast the cast]]", "/Film/TheMatrix/#cast", "the cast"),
        ("[[HeroicSacrifice#Film-2 in films]]", "/Main/HeroicSacrifice/#Film-2", "in films"),
        ("[[Series/{{The Outer Limits|1963}}#s_1 season one]]", "/Series/TheOuterLimits1963/#s_1", "season one"),
        ("[[@/FastEddie#bio his bio]]", "/Tropers/FastEddie/#bio", "his bio"),
        ("{{Film/The Matrix#cast}}", "/Film/TheMatrix/#cast", "The Matrix"),
        ("{{Casablanca#ending}}", "/Main/Casablanca/#ending", "Casablanca"),
        ("[[Film/TheMatrix#cast]]", "/Film/TheMatrix/#cast", "[1]"),
    ],
)
def test_links_to_places(source: str, href: str, shown: str) -> None:
    soup = html(source)
    assert links(soup) == [(href, shown)]
    assert warnings(source) == []


def test_a_link_to_a_place_in_a_page_counts_as_a_link_to_the_page() -> None:
    assert [link.target.qualified() for link in convert("[[Film/TheMatrix#cast the cast]]").links] == [
        "Film/TheMatrix"
    ]
    assert convert("[[#cast the cast]]").links == ()


@pytest.mark.parametrize(
    "source",
    [
        '[[#a"onmouseover=x see]]',
        "[[#a<b> see]]",
        "[[Film/TheMatrix#<script> x]]",
        "[[#x&amp;y see]]",
        "[[#]]",
        "[[#" + "a" * 65 + "]]",
    ],
)
def test_anchor_names_are_letters_digits_hyphens_underscores_else_text(source: str) -> None:
    soup = html(source)
    assert soup.find("span", class_="tvt-anchor") is None
    assert [href for href, _ in links(soup) if "#" in href] == []
    assert "[[" in text(soup)
    assert "bad-link" in codes(source)


def test_url_fragments_stay_part_of_the_url() -> None:
    soup = html("[[https://example.org/page#part the part]]")
    assert links(soup) == [("https://example.org/page#part", "the part")]


def test_places_in_markdown_pages() -> None:
    source = "[[Film/TheMatrix#cast the cast]], [[HeroicSacrifice#films]], {{Film/The Matrix#cast}} and [[#top up]]"
    assert markdown_links(source) == [
        ("/Film/TheMatrix/#cast", "the cast"),
        ("/Main/HeroicSacrifice/#films", "[1]"),
        ("/Film/TheMatrix/#cast", "The Matrix"),
        ("#top", "up"),
    ]


def test_a_hand_written_place_that_is_no_anchor_name_is_dropped() -> None:
    assert markdown_links('[x](trope:Film/Foo#a"b)') == [("/Film/Foo/", "x")]


# ------------------------------------------------------------------------------------------------ colours


@pytest.mark.parametrize(
    ("source", "color"),
    [
        ("[[color:red:'''Tropes of Legend'''!]]", "red"),
        ("[[color:DarkGreen:text]]", "darkgreen"),
        ("[[color:#c00:text]]", "#c00"),
        ("[[color:#00FF7f:text]]", "#00ff7f"),
        ("[[colour:blue:text]]", "blue"),
    ],
)
def test_colours_colour_the_text_and_never_show_their_name(source: str, color: str) -> None:
    soup = html(source)
    span = only(soup, "span", class_="tvt-color")
    assert span["style"] == f"color:{color}"
    assert color not in text(soup).lower()
    assert warnings(source) == []


def test_the_real_page_shape() -> None:
    soup = html("[[color:red:'''Tropes of Legend'''!]]")
    assert text(soup) == "Tropes of Legend!"
    assert only(soup, "strong").get_text() == "Tropes of Legend"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("rgb(1,2,3)", "the text"),
        ("expression(alert(1))", "the text"),
        ('red" onmouseover="x', "the text"),
        ("#12345", "the text"),
        ("#ggg", "the text"),
        ("transparent", "the text"),
        ("", "the text"),
        (" ", "the text"),
        ("red;background", "url(x):the text"),  # the name ends at the first ':'
    ],
)
def test_anything_but_a_colour_leaves_the_text_plain(name: str, shown: str) -> None:
    source = f"[[color:{name}:{'url(x):' if shown != 'the text' else ''}the text]]"
    soup = html(source)
    assert soup.find("span", class_="tvt-color") is None
    assert soup.find(style=True) is None
    assert soup.find(onmouseover=True) is None
    assert text(soup) == shown
    assert "bad-color" in codes(source)


def test_a_colour_without_text_is_shown_as_written() -> None:
    source = "[[color:red]]"
    assert text(html(source)) == source
    assert warnings(source)


def test_colours_hold_links_and_nest() -> None:
    soup = html("[[color:blue:see HeroicSacrifice and [[color:red:this]]]]")
    assert wiki_links(soup) == [("/Main/HeroicSacrifice/", "Heroic Sacrifice")]
    assert [span["style"] for span in soup.find_all("span", class_="tvt-color")] == ["color:blue", "color:red"]


# ----------------------------------------------------------------------------------- folder titles


def test_a_folder_title_over_several_lines_is_one_folder() -> None:
    source = "[[folder:Season 1\n(2005)]]\n* Pilot\n[[/folder]]\n\n[[folder:Season 2\n\n(2006)]]\n* Two\n[[/folder]]"
    soup = html(source)
    titles = soup.find_all("summary")
    assert [text(title) for title in titles] == ["Season 1 (2005)", "Season 2 (2006)"]
    assert len(titles[0].find_all("br")) == 1
    assert len(titles[1].find_all("br")) == 2  # a blank line is a line too: line breaks are kept as written
    assert [text(details.find("li")) for details in soup.find_all("details")] == ["Pilot", "Two"]
    assert warnings(source) == []


def test_line_breaks_at_either_end_of_a_title_are_dropped() -> None:
    soup = html("[[folder:\nSeason 3\n]]\nBody.\n[[/folder]]")
    title = only(soup, "summary")
    assert text(title) == "Season 3" and title.find("br") is None


def test_a_folder_title_never_closed_stays_text() -> None:
    source = "[[folder:Season 1\n(2005)\nBody."
    soup = html(source)
    assert soup.find("details") is None
    assert "[[folder:Season 1" in text(soup)
    assert "unclosed-bracket" in codes(source)


def test_a_title_stops_at_the_next_block_tag() -> None:
    source = "[[folder:Open\n[[folder:Second]]\nBody ]]\n[[/folder]]"
    soup = html(source)
    assert [text(title) for title in soup.find_all("summary")] == ["Second"]


def test_a_title_longer_than_the_limit_stays_text() -> None:
    source = "[[folder:Long\n" + "line\n" * 12 + "end]]\nBody\n[[/folder]]"
    assert html(source).find("details") is None


def test_title_positions_stay_true() -> None:
    source = "[[folder:Season 1\n(2005) [[Foo]]]]\nBody\n[[/folder]]"
    assert [(d.line, d.column) for d in convert(source).diagnostics if d.code == "bad-link"] == [(2, 8)]


# ----------------------------------------------------------------------------------- smaller points


def test_a_list_after_an_index_is_its_own_list() -> None:
    soup = html("[[index]]\n* FooBar\n* BazQux\n[[/index]]\n* Other\n* More")
    lists = soup.find_all("ul")
    assert [[text(li) for li in ul.find_all("li")] for ul in lists] == [["Foo Bar", "Baz Qux"], ["Other", "More"]]


def test_a_list_before_an_index_is_its_own_list() -> None:
    soup = html("# First\n[[index]]\n# FooBar\n[[/index]]")
    assert [[text(li) for li in ol.find_all("li")] for ol in soup.find_all("ol")] == [["First"], ["Foo Bar"]]


@pytest.mark.parametrize(
    "url",
    [
        "https://en.wikipedia.org/wiki/Pluto_(dwarf_planet)",
        "https://example.org/a)b",
        "https://example.org/it's",
        "https://example.org/((x))?q=(1)#f(2)",
    ],
)
def test_urls_keep_their_parentheses_as_written(url: str) -> None:
    soup = html(f"[[{url} the page]] after")
    assert links(soup) == [(url, "the page")]
    assert text(soup) == "the page after"


def test_a_bare_url_still_ends_before_a_parenthesis() -> None:
    """PmWiki's bare-URL rule, which TV Tropes shares: ``(`` is not part of a bare URL."""
    soup = html("see https://example.org/a_(b) now")
    assert links(soup) == [("https://example.org/a_", "https://example.org/a_")]


def test_foldercontrol_reads_as_on_tv_tropes() -> None:
    soup = html("[[foldercontrol]]")
    assert text(only(soup, "button")) == "open/close all folders"


def test_a_labelnote_is_its_own_element_after_the_word() -> None:
    soup = html("word[[labelnote:Label]]hidden[[/labelnote]] after")
    note = only(soup, "span", class_="labelnote")
    assert text(note.find("button")) == "Label"
    assert note.previous_sibling == "word"


# ----------------------------------------------------------------------------------- one-word subpages


def test_a_one_word_subpage_renders_as_on_tv_tropes_and_is_remembered() -> None:
    source = "* MyTrope/Film\n* MyTrope/{{Film}}\n* Film/Casablanca"
    soup = html(source)
    assert wiki_links(soup) == [("/Main/MyTrope/", "My Trope"), ("/MyTrope/Film/", "Film")]
    assert text(soup) == "My Trope/Film Film Film/Casablanca"
    result = convert(source)
    assert [(page.qualified(), d.line, d.column) for page, d in result.if_page_exists] == [
        ("MyTrope/Film", 1, 3),
        ("Film/Casablanca", 3, 3),
    ]
    assert "MyTrope/{{Film}}" in result.if_page_exists[0][1].hint
    assert warnings(source) == []  # only the site knows whether the page exists
