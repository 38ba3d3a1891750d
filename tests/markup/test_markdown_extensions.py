"""The ``.md``-page side: ``[[..]]`` potholes, ``{{..}}`` free links, opt-in WikiWords and the image directive in
ordinary Markdown, through the Python-Markdown extensions. Code spans and code blocks are never touched."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from mkdocs_trope.extensions import ImageDirectiveExtension, UrlPatternResolver, WikiLinkExtension

from .golden import links, only, text, wiki_links


def md(source: str, *, wikiwords: bool = False, **config: object) -> BeautifulSoup:
    extensions = [WikiLinkExtension(wikiwords=wikiwords, **config), ImageDirectiveExtension(), "md_in_html"]
    return BeautifulSoup(markdown.markdown(source, extensions=[*extensions, "fenced_code"]), "html.parser")


# -------------------------------------------------------------------------------------------- potholes


@pytest.mark.parametrize(
    ("source", "href", "shown"),
    [
        ("[[HeroicSacrifice the end]]", "/Main/HeroicSacrifice/", "the end"),
        ("[[Film/TheMatrix the film]]", "/Film/TheMatrix/", "the film"),
        ("[[Recap.FireflyS1E1 the episode]]", "/Recap/FireflyS1E1/", "the episode"),
        ("[[{{Avatar}} the cartoon]]", "/Main/Avatar/", "the cartoon"),
        ("[[Film/{{Casablanca}} the film]]", "/Film/Casablanca/", "the film"),
        ("[[VideoGame/Fallout3 the game]]", "/VideoGame/Fallout3/", "the game"),
        ("[[https://example.org/x an example]]", "https://example.org/x", "an example"),
    ],
)
def test_potholes_in_markdown(source: str, href: str, shown: str) -> None:
    assert links(md(f"See {source}.")) == [(href, shown)]


def test_wiki_links_get_the_wiki_class_and_urls_do_not() -> None:
    soup = md("[[FooBar a]] [[https://example.org b]]")
    assert [a.get("class") for a in soup.find_all("a")] == [["twikilink"], None]


def test_numbered_potholes_count_per_document() -> None:
    soup = md("[[https://example.org]] and [[FooBar]]\n\nthen [[Film/TheMatrix]]")
    assert [shown for _, shown in links(soup)] == ["[1]", "[2]", "[3]"]


def test_numbering_restarts_with_each_document() -> None:
    converter = markdown.Markdown(extensions=[WikiLinkExtension()])
    first = BeautifulSoup(converter.convert("[[FooBar]]"), "html.parser")
    second = BeautifulSoup(converter.reset().convert("[[FooBar]]"), "html.parser")
    assert text(first) == text(second) == "[1]"


def test_pothole_with_image_display_is_a_linked_image() -> None:
    soup = md("[[Film/Foo http://example.org/a.png]]")
    link = only(soup, "a")
    assert link["href"] == "/Film/Foo/"
    assert only(link, "img")["src"] == "http://example.org/a.png"


def test_pothole_display_text_is_not_rescanned_for_links() -> None:
    soup = md("x [[FooBar a HeroicSacrifice {{Free}} b]]", wikiwords=True)
    assert links(soup) == [("/Main/FooBar/", "a HeroicSacrifice {{Free}} b")]
    assert len(soup.find_all("a")) == 1


@pytest.mark.parametrize("source", ["[[spoiler:x]]", "[[Hello world]]", "[[Foo|bar]]", "[[unclosed FooBar"])
def test_non_links_stay_text(source: str) -> None:
    soup = md(source)
    assert soup.find("a") is None
    assert text(soup) == source


def test_unsafe_pothole_url_is_not_a_link() -> None:
    soup = md("[[javascript:alert(1) click]]")
    assert all(not a.get("href", "").startswith("javascript") for a in soup.find_all("a"))


def test_markdown_links_still_work() -> None:
    soup = md("[text](https://example.org) and [wiki](trope:Film/TheMatrix)")
    assert links(soup) == [("https://example.org", "text"), ("/Film/TheMatrix/", "wiki")]


# ----------------------------------------------------------------------------------------- free links


@pytest.mark.parametrize(
    ("source", "href", "shown"),
    [
        ("{{Funny Animal}}s", "/Main/FunnyAnimal/", "Funny Animals"),
        ("Series/{{Firefly}}", "/Series/Firefly/", "Firefly"),
        ("{{Series/Firefly}}", "/Series/Firefly/", "Firefly"),
        ("Film.{{Casablanca}}", "/Film/Casablanca/", "Film.Casablanca"),
        ("{{Our|TropesAreDifferent}}", "/Main/OurTropesAreDifferent/", "Our"),
        ("{{half human hybrid}}", "/Main/HalfHumanHybrid/", "half human hybrid"),
    ],
)
def test_free_links_in_markdown(source: str, href: str, shown: str) -> None:
    assert links(md(f"a {source} b")) == [(href, shown)]


@pytest.mark.parametrize("source", ["{{Tom's Diner}}", "{{1984}}", "{{}}", "{{ unclosed"])
def test_invalid_free_links_stay_text(source: str) -> None:
    soup = md(source)
    assert soup.find("a") is None
    assert text(soup) == source


def test_markdown_links_can_be_turned_off() -> None:
    soup = md("[[FooBar a]] {{Free}}", markdown_links=False)
    assert soup.find("a") is None


# ------------------------------------------------------------------------------------------- WikiWords


def test_wikiwords_are_off_by_default() -> None:
    soup = md("HeroicSacrifice and Film/TheMatrix")
    assert soup.find("a") is None


@pytest.mark.parametrize(
    ("source", "href", "shown"),
    [
        ("HeroicSacrifice", "/Main/HeroicSacrifice/", "Heroic Sacrifice"),
        ("Film/TheMatrix", "/Film/TheMatrix/", "The Matrix"),
        ("Recap.FireflyS1E1", "/Recap/FireflyS1E1/", "Recap.Firefly S 1 E 1"),
        ("TVTropes", "/Main/TVTropes/", "TV Tropes"),
    ],
)
def test_opt_in_wikiwords(source: str, href: str, shown: str) -> None:
    assert wiki_links(md(f"a {source} b", wikiwords=True)) == [(href, shown)]


@pytest.mark.parametrize("source", ["NASA", "Hello", "iPod", "Film/Casablanca", "Babylon5", "x_FooBar"])
def test_opt_in_wikiwords_follow_the_rule(source: str) -> None:
    assert md(source, wikiwords=True).find("a") is None


def test_wikiwords_inside_emphasis() -> None:
    soup = md("*FooBar* and **BazQux**", wikiwords=True)
    assert [href for href, _ in wiki_links(soup)] == ["/Main/FooBar/", "/Main/BazQux/"]


@pytest.mark.parametrize(
    "source",
    [
        "[text](http://example.org/FooBar)",
        "<https://example.org/a-FooBar>",
        "see http://example.org/a-BarBaz?q=FooBar now",
        "![alt](http://example.org/FooBar.png)",
        '<span title="FooBar">x</span>',
    ],
)
def test_wikiwords_never_inside_links_urls_or_html_attributes(source: str) -> None:
    soup = md(source, wikiwords=True)
    assert soup.find("a", class_="twikilink") is None


# --------------------------------------------------------------------------------------- code untouched


@pytest.mark.parametrize(
    "source",
    [
        "`[[FooBar text]] {{Free}} HeroicSacrifice`",
        "    [[FooBar text]] {{Free}} HeroicSacrifice",
        "```\n[[FooBar text]] {{Free}} HeroicSacrifice\n```",
        "``a [[FooBar b]] c``",
    ],
)
def test_code_spans_and_blocks_are_never_touched(source: str) -> None:
    soup = md(source, wikiwords=True)
    assert soup.find("a") is None
    assert "[[FooBar text]]" in soup.find("code").get_text() or "[[FooBar b]]" in soup.find("code").get_text()


def test_escaped_brackets_are_literal() -> None:
    soup = md("\\[\\[FooBar text]]")
    assert soup.find("a") is None


# -------------------------------------------------------------------------------------- image directive


def test_image_directive_with_caption() -> None:
    soup = md("[[quoteright:300:![](https://example.org/a.png)]]\n[[caption-width-right:300:A *caption* [[FooBar x]]]]")
    figure = only(soup, "figure", class_="quoteright")
    assert figure["style"] == "width:300px"
    assert only(figure, "img")["src"] == "https://example.org/a.png"
    caption = only(figure, "figcaption")
    assert only(caption, "em").get_text() == "caption"
    assert wiki_links(caption) == [("/Main/FooBar/", "x")]


def test_image_directive_with_a_linked_image() -> None:
    soup = md("[[quoteright:200:[[Film/Foo https://example.org/a.png]]]]")
    figure = only(soup, "figure")
    link = only(figure, "a")
    assert link["href"] == "/Film/Foo/"
    assert link.find("img") is not None


def test_caption_alone_is_a_caption_box() -> None:
    figure = only(md("[[caption-width-right:300:alone]]"), "figure")
    assert "captionbox" in figure["class"]
    assert text(only(figure, "figcaption")) == "alone"


def test_left_image_directive() -> None:
    assert only(md("[[quoteleft:120:![](https://example.org/a.png)]]"), "figure", class_="quoteleft")


@pytest.mark.parametrize("source", ["[[quoteright:x:bad]]", "[[quoteright:0:zero]]", "[[quoteright:99999:big]]"])
def test_bad_directive_stays_text(source: str) -> None:
    soup = md(source)
    assert soup.find("figure") is None
    assert text(soup) == source


def test_directive_inside_code_is_untouched() -> None:
    soup = md("```\n[[quoteright:300:x]]\n```")
    assert soup.find("figure") is None


# --------------------------------------------------------------------------------------------- resolver


def test_custom_url_pattern_and_default_namespace() -> None:
    soup = md("[[FooBar a]] [[Film/Baz b]]", url_pattern="/wiki/{namespace}/{name}.html")
    assert links(soup) == [("/wiki/Main/FooBar.html", "a"), ("/wiki/Film/Baz.html", "b")]


def test_resolver_object() -> None:
    soup = md("[[FooBar a]]", resolver=UrlPatternResolver("/x/{name}/", default_namespace="Wiki"))
    assert links(soup) == [("/x/FooBar/", "a")]


@pytest.mark.parametrize(
    ("source", "src"),
    [
        ("[[quoteright:200:https://x.org/a.png]]", "https://x.org/a.png"),
        ("[[quoteleft:120:img/local.svg]]", "img/local.svg"),
    ],
)
def test_markdown_page_image_directive_with_a_bare_image_url(source: str, src: str) -> None:
    soup = BeautifulSoup(markdown.markdown(source, extensions=["trope_images"]), "html.parser")
    assert soup.figure.img["src"] == src
    assert soup.figure.get_text() == ""


def test_markdown_page_image_directive_never_makes_an_unsafe_image() -> None:
    html = markdown.markdown("[[quoteright:200:javascript:a.png]]", extensions=["trope_images"])
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("img") is None and "javascript:a.png" in soup.get_text()
