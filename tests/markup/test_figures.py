"""§13 Page images ``[[quoteright:W:..]]`` and captions ``[[caption-width-right:W:..]]`` (decisions A11, A14)."""

from __future__ import annotations

import pytest

from .golden import codes, html, links, only, text, warnings, wiki_links

IMAGE = "https://static.tvtropes.org/pmwiki/pub/images/crop_61.jpg"


def test_spec_example_figure_with_caption() -> None:
    soup = html(
        "[[quoteright:300:[[Film/{{Alien}} https://img.example/alien.png]]]]\n"
        "[[caption-width-right:300:In space, no one can hear you ''scream'']]"
    )
    figure = only(soup, "figure", class_="quoteright")
    assert figure["style"] == "width:300px"
    link = only(figure, "a")
    assert link["href"] == "/Film/Alien/"
    assert only(link, "img")["src"] == "https://img.example/alien.png"
    caption = only(figure, "figcaption")
    assert only(caption, "em").get_text() == "scream"
    assert text(caption) == "In space, no one can hear you scream"


def test_quoteright_with_a_bare_image() -> None:
    figure = only(html(f"[[quoteright:350:{IMAGE}]]"), "figure")
    assert figure["style"] == "width:350px"
    assert only(figure, "img")["src"] == IMAGE
    assert figure.find("figcaption") is None


@pytest.mark.parametrize("extension", ["jpeg", "png", "jpg", "gif"])
def test_image_extensions_in_quoteright(extension: str) -> None:
    url = f"https://example.org/a.{extension}"
    assert only(only(html(f"[[quoteright:200:{url}]]"), "figure"), "img")["src"] == url


@pytest.mark.parametrize("width", ["abc", "", "12px", "0", "99999"])
def test_bad_width_is_literal_and_warned(width: str) -> None:
    source = f"[[quoteright:{width}:{IMAGE}]]"
    soup = html(source)
    assert soup.find("figure") is None
    assert soup.find("img") is None
    assert text(soup) == source
    assert warnings(source)


def test_caption_right_after_image_joins_the_figure_across_blank_and_comment_lines() -> None:
    soup = html(f"[[quoteright:350:{IMAGE}]]\n\n%% Image selected per thread\n\n[[caption-width-right:350:cap]]")
    figure = only(soup, "figure")
    assert text(only(figure, "figcaption")) == "cap"


def test_caption_alone_is_a_caption_box() -> None:
    soup = html("[[caption-width-right:350:'''L - R:''' Travis, Old Yeller]]")
    box = only(soup, "figure")
    assert "quoteright" not in box.get("class", [])
    assert box["style"] == "width:350px"
    caption = only(box, "figcaption")
    assert only(caption, "strong").get_text() == "L - R:"
    assert text(caption) == "L - R: Travis, Old Yeller"


def test_caption_with_link_to_an_upper_case_image_url() -> None:
    soup = html(
        f"[[quoteright:348:{IMAGE}]]\n"
        " [[caption-width-right:348:Don't say [[http://static.tvtropes.org/pmwiki/pub/images/donkagon_6290.JPG"
        " donkagon]]!]]"
    )
    caption = only(soup, "figcaption")
    assert links(caption) == [("http://static.tvtropes.org/pmwiki/pub/images/donkagon_6290.JPG", "donkagon")]
    assert text(caption) == "Don't say donkagon!"


def test_caption_label_note_with_an_alternative_image() -> None:
    soup = html(
        "[[caption-width-right:210:[[labelnote:Kamen Rider Baron]]\\\\\n"
        "https://example.org/kr_baronbananaarms.png[[/labelnote]]]]"
    )
    note = only(only(soup, "figcaption"), "span", class_="labelnote")
    assert text(only(note, "button")) == "Kamen Rider Baron"
    assert only(note, "img")["src"] == "https://example.org/kr_baronbananaarms.png"


def test_label_note_closed_after_the_caption_is_tolerated() -> None:
    """Decision A11: the note closes with the caption; the late closer is dropped with a warning."""
    source = "[[caption-width-right:350:[[labelnote:Angel Spawn]]https://example.org/x.jpg]][[/labelnote]]"
    soup = html(source)
    caption = only(soup, "figcaption")
    note = only(caption, "span", class_="labelnote")
    assert text(only(note, "button")) == "Angel Spawn"
    assert only(note, "img")["src"] == "https://example.org/x.jpg"
    assert "[[/labelnote]]" not in text(soup)
    assert "misnested-note" in codes(source)


def test_quoteright_with_label_note_and_text() -> None:
    soup = html(
        "[[quoteright:350:[[labelnote:Click here]]\\\\\n"
        "https://example.org/witchsatoko.png[[/labelnote]] to see her previous incarnation.]]"
    )
    figure = only(soup, "figure")
    note = only(figure, "span", class_="labelnote")
    assert only(note, "img")["src"] == "https://example.org/witchsatoko.png"
    assert text(figure).endswith("to see her previous incarnation.")


def test_leading_whitespace_before_the_tags() -> None:
    soup = html(f"  [[quoteright:350:{IMAGE}]]\n  [[caption-width-right:350:cap]]")
    assert text(only(only(soup, "figure"), "figcaption")) == "cap"


def test_several_figures_on_a_page_each_with_its_caption() -> None:
    soup = html(
        f"[[quoteright:300:{IMAGE}]]\n[[caption-width-right:300:one]]\n\ntext\n\n"
        f"[[folder:Char]]\n[[quoteright:200:{IMAGE}]]\n[[caption-width-right:200:two]]\n[[/folder]]"
    )
    figures = soup.find_all("figure", class_="quoteright")
    assert [text(f.find("figcaption")) for f in figures] == ["one", "two"]
    assert figures[1].find_parent("details") is not None


def test_left_variants_by_symmetry() -> None:
    soup = html(f"[[quoteleft:200:{IMAGE}]]\n[[caption-width-left:200:cap]]")
    figure = only(soup, "figure", class_="quoteleft")
    assert text(only(figure, "figcaption")) == "cap"


def test_unknown_caption_spelling_keeps_its_content_and_warns() -> None:
    source = "[[caption-width-middle:200:cap text]]"
    soup = html(source)
    assert soup.find("figure") is None
    assert "cap text" in text(soup)
    assert "unknown-construct" in codes(source)


def test_figure_content_links_are_collected() -> None:
    soup = html("[[quoteright:348:[[WesternAnimation/{{Shrek}} http://static.tvtropes.org/Shrek_01.png]]]]")
    assert wiki_links(soup) == [("/WesternAnimation/Shrek/", "")]


def test_quoteright_in_running_text_is_still_a_box() -> None:
    soup = html(f"before [[quoteright:100:{IMAGE}]] after")
    assert soup.find("img")["src"] == IMAGE
    assert text(soup) == "before after"


# ------------------------------------------------------------------------------------ image attributes


def test_page_image_has_its_declared_width_and_loads_at_once() -> None:
    image = html("[[quoteright:348:[[Main/FooBar http://ex.org/a.png]]]]").find("img")
    assert image["width"] == "348"
    assert "loading" not in image.attrs, "the page image at the top is never lazy"


def test_linked_page_image_is_named_after_the_linked_page() -> None:
    source = "[[quoteright:348:[[WesternAnimation/{{Shrek}} http://ex.org/a.png]]]]\n[[caption-width-right:348:Hi]]"
    assert html(source).find("img")["alt"] == "Shrek"


def test_unlinked_page_image_takes_its_caption_as_alt_text_escaped() -> None:
    source = '[[quoteright:200:http://ex.org/a.png]]\n[[caption-width-right:200:A "quoted" <b> caption]]'
    soup = html(source)
    image = soup.find("img")
    assert image["alt"] == 'A "quoted" <b> caption'
    assert image["width"] == "200"
    assert soup.find("b") is None


def test_images_after_the_page_image_load_lazily() -> None:
    soup = html("[[quoteright:100:http://ex.org/a.png]]\n\nText [[http://ex.org/link http://ex.org/b.png]].")
    first, second = soup.find_all("img")
    assert "loading" not in first.attrs
    assert second["loading"] == "lazy"


def test_caption_alt_keeps_the_words_of_spoilers_notes_and_breaks_but_not_their_tags() -> None:
    """A caption's raw HTML (a spoiler's or note's tags, a line break) is left out of the image's ``alt``: written
    back inside the attribute, the tags' own quotes would end the value and add their attributes to the image."""
    soup = html(
        "[[quoteright:350:http://ex.org/a.png]]\n"
        '[[caption-width-right:350:Hi [[spoiler:" onerror="x]] and [[labelnote:n]]body[[/labelnote]]\\\\\nnext]]\n'
    )
    image = soup.select_one("figure > img")
    assert image is not None
    assert sorted(image.attrs) == ["alt", "src", "width"]
    assert "<" not in image["alt"] and ">" not in image["alt"]
    assert image["alt"].startswith('Hi " onerror="x and ') and image["alt"].endswith("next")
