"""§5.5 external links and bare URLs (decision A20), §5.6 bare image URLs (decision A13)."""

from __future__ import annotations

import pytest

from .golden import codes, html, links, only, text, wiki_links


def test_spec_example() -> None:
    soup = html("Watch [[https://youtu.be/abc The Theme]] or [[https://example.org]].")
    assert links(soup) == [("https://youtu.be/abc", "The Theme"), ("https://example.org", "[1]")]
    assert soup.find("a", class_="twikilink") is None
    assert text(soup) == "Watch The Theme or [1]."


@pytest.mark.parametrize(
    "url", ["http://example.org/a", "https://example.org/a", "ftp://example.org/file.txt", "mailto:me@example.org"]
)
def test_allowed_schemes_autolink(url: str) -> None:
    soup = html(f"see {url} now")
    assert links(soup) == [(url, url)]
    assert text(soup) == f"see {url} now"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,x",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "news://example.org/x",
        "gopher://example.org/x",
    ],
)
def test_other_schemes_are_text(url: str) -> None:
    soup = html(f"see {url} now")
    assert soup.find("a") is None
    assert text(soup) == f"see {url} now"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "vbscript:msgbox(1)"])
def test_pothole_with_unsafe_scheme_is_not_a_link(url: str) -> None:
    source = f"[[{url} click me]]"
    soup = html(source)
    assert all(not (a.get("href") or "").lower().startswith(url.split(":")[0]) for a in soup.find_all("a"))
    assert "click me" in text(soup)
    assert codes(source)


@pytest.mark.parametrize(
    ("source", "url", "after"),
    [
        ("http://example.org/a, then", "http://example.org/a", ", then"),
        ("http://example.org/a. Then", "http://example.org/a", ". Then"),
        ("http://example.org/a? Then", "http://example.org/a", "? Then"),
        ("(http://example.org/a) then", "http://example.org/a", ") then"),
        ("<http://example.org/a> then", "http://example.org/a", "> then"),
        ('"http://example.org/a" then', "http://example.org/a", '" then'),
        ("'http://example.org/a' then", "http://example.org/a", "' then"),
        ("http://example.org/a|b then", "http://example.org/a", "|b then"),
        ("http://example.org/a^b then", "http://example.org/a", "^b then"),
        ("http://example.org/a`b then", "http://example.org/a", "`b then"),
        ("http://example.org/a]b then", "http://example.org/a", "]b then"),
        ("http://example.org/a?q=1&r=2#frag then", "http://example.org/a?q=1&r=2#frag", " then"),
    ],
)
def test_bare_url_boundaries(source: str, url: str, after: str) -> None:
    soup = html(source)
    assert links(soup) == [(url, url)]
    assert text(soup).endswith(after.strip()) or text(soup).endswith(after)
    assert text(soup).replace(" ", "") == source.replace(" ", "")


def test_url_in_pothole_may_hold_parentheses_and_query_characters() -> None:
    url = "https://example.org/wiki/A_(b)?x=1&y=%20z#frag,more"
    soup = html(f"[[{url} the page]]")
    link = only(soup, "a")
    assert text(link) == "the page"
    assert link["href"].replace("%28", "(").replace("%29", ")") == url


def test_capitalised_fragments_in_urls_are_never_wikiwords() -> None:
    soup = html("see https://example.org/FooBar/_A0/Film/TheMatrix ok")
    assert wiki_links(soup) == []
    assert links(soup) == [("https://example.org/FooBar/_A0/Film/TheMatrix",) * 2]


def test_capitalised_fragments_in_pothole_urls_are_never_wikiwords() -> None:
    soup = html("[[https://example.org/FooBar/{{x}} text]]")
    assert wiki_links(soup) == []


def test_double_percent_in_a_url_starts_a_comment() -> None:
    """Documented limitation: ``%%`` is always a comment."""
    soup = html("http://example.org/a%%b")
    assert links(soup) == [("http://example.org/a", "http://example.org/a")]
    assert "b" not in text(soup)


def test_bare_external_links_have_no_wiki_class() -> None:
    link = only(html("https://example.org/"), "a")
    assert "twikilink" not in (link.get("class") or [])


# ------------------------------------------------------------------------------------------- §5.6 images


@pytest.mark.parametrize("extension", ["png", "jpg", "jpeg", "gif", "webp", "svg"])
def test_bare_image_url_becomes_an_image(extension: str) -> None:
    url = f"https://static.example.org/pub/images/pic.{extension}"
    soup = html(f"Look: {url}")
    image = only(soup, "img")
    assert image["src"] == url
    assert soup.find("a") is None


def test_image_url_with_query_is_still_an_image() -> None:
    image = only(html("https://example.org/a.png?width=300"), "img")
    assert image["src"] == "https://example.org/a.png?width=300"


@pytest.mark.parametrize("extension", ["PNG", "JPG", "Jpeg"])
def test_upper_case_image_extension_is_recognised_with_a_warning(extension: str) -> None:
    source = f"https://example.org/pic.{extension}"
    assert only(html(source), "img")["src"] == source
    assert "image-extension-case" in codes(source)


def test_non_image_url_is_a_link() -> None:
    soup = html("https://example.org/pic.pngx")
    assert soup.find("img") is None
    assert only(soup, "a")["href"] == "https://example.org/pic.pngx"


def test_spec_example_linked_image() -> None:
    soup = html("[[Characters/Foo http://ex.org/a.png]]")
    link = only(soup, "a")
    assert link["href"] == "/Characters/Foo/"
    assert only(link, "img")["src"] == "http://ex.org/a.png"


def test_upper_case_image_in_pothole_display_is_a_link_text_when_not_an_image() -> None:
    soup = html("[[http://static.tvtropes.org/pmwiki/pub/images/donkagon_6290.JPG donkagon]]")
    assert links(soup) == [("http://static.tvtropes.org/pmwiki/pub/images/donkagon_6290.JPG", "donkagon")]
    assert soup.find("img") is None


def test_bare_images_are_not_floated() -> None:
    image = only(html("Text https://example.org/a.png more text"), "img")
    assert "style" not in image.attrs
    assert image.find_parent(["figure"]) is None


def test_image_in_note_body() -> None:
    soup = html("[[labelnote:Unmasked]]https://example.org/x.jpg[[/labelnote]]")
    body = only(soup, "span", class_="notebody")
    assert only(body, "img")["src"] == "https://example.org/x.jpg"


def test_images_have_alt_text_attribute() -> None:
    assert only(html("https://example.org/a.png"), "img").has_attr("alt")
