"""§18 index markers ``[[index]]..[[/index]]`` and §5.8 redirects ``[[redirect:..]]``."""

from __future__ import annotations

import pytest

from mkdocs_trope.markup import convert
from mkdocs_trope.names import PageName

from .golden import codes, html, only, text, warnings, wiki_links

INDEX = "Intro.\n[[index]]\n* Pantheon/AlignmentChanges\n* Pantheon/AntiHeroism\n[[/index]]\nOutro."


def test_index_tags_are_transparent() -> None:
    soup = html(INDEX)
    assert wiki_links(only(soup, "ul")) == [
        ("/Pantheon/AlignmentChanges/", "Alignment Changes"),
        ("/Pantheon/AntiHeroism/", "Anti Heroism"),
    ]
    assert "index" not in text(soup)
    assert [text(p) for p in soup.find_all("p")] == ["Intro.", "Outro."]
    assert warnings(INDEX) == []


def test_index_marks_the_outline_items() -> None:
    result = convert("* Pantheon/OuterGods\n\n" + INDEX)
    assert [(str(item.targets[0]), item.in_index) for item in result.outline] == [
        ("Pantheon/OuterGods", False),
        ("Pantheon/AlignmentChanges", True),
        ("Pantheon/AntiHeroism", True),
    ]


def test_unclosed_index_closes_at_the_end_with_a_warning() -> None:
    source = "[[index]]\n* a"
    assert text(only(html(source), "li")) == "a"
    assert "unclosed-block" in codes(source)


def test_orphan_index_closer_is_dropped_with_a_warning() -> None:
    source = "a\n[[/index]]"
    assert text(html(source)) == "a"
    assert "orphan-close" in codes(source)


# -------------------------------------------------------------------------------------------- redirects


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("[[redirect:Administrivia/HowToUseCustomTitles]]", PageName("Administrivia", "HowToUseCustomTitles")),
        ("[[redirect:FooBar]]", PageName(None, "FooBar")),
        ("[[Redirect:Film/TheMatrix]]", PageName("Film", "TheMatrix")),
        ("[[redirect:Film/{{Casablanca}}]]", PageName("Film", "Casablanca")),
        ("[[redirect:Recap.FireflyS1E1]]", PageName("Recap", "FireflyS1E1")),
    ],
)
def test_redirect_target(source: str, target: PageName) -> None:
    result = convert(source)
    assert result.redirect == target
    assert warnings(source) == []


def test_redirect_page_links_to_its_target() -> None:
    soup = html("[[redirect:Administrivia/HowToUseCustomTitles]]")
    assert wiki_links(soup)[0][0] == "/Administrivia/HowToUseCustomTitles/"


def test_blank_and_comment_lines_may_precede_the_redirect() -> None:
    assert convert("\n%% moved\n\n[[redirect:FooBar]]").redirect == PageName(None, "FooBar")


def test_text_after_the_redirect_is_not_shown() -> None:
    source = "[[redirect:FooBar]]\nOld text with HeroicSacrifice.\n[[folder:x]]"
    result = convert(source)
    soup = html(source)
    assert "Old text" not in text(soup)
    assert soup.find("details") is None
    assert [str(link.target) for link in result.links] == []
    assert "redirect-text" in codes(source)
    assert warnings(source) == []


def test_redirect_not_at_the_top_is_only_a_link_and_warned() -> None:
    source = "Some text.\n[[redirect:FooBar]]"
    result = convert(source)
    soup = html(source)
    assert result.redirect is None
    assert "Some text." in text(soup)
    assert wiki_links(soup) == [("/Main/FooBar/", "FooBar")]
    assert warnings(source)


def test_redirect_without_a_page_name_is_literal_and_warned() -> None:
    source = "[[redirect:not a page]]"
    assert convert(source).redirect is None
    assert text(html(source)) == source
    assert warnings(source)
