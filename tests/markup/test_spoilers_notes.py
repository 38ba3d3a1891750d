"""§15 Spoilers ``[[spoiler:..]]`` and §16 notes ``[[note]]``, ``[[labelnote:..]]``, ``[[hottip:..]]``."""

from __future__ import annotations

import pytest

from .golden import codes, html, only, text, warnings, wiki_links

# ---------------------------------------------------------------------------------------------- §15 spoilers


def test_spec_example() -> None:
    soup = html("The butler [[spoiler:was [[TheButlerDidIt the culprit]]]].")
    spoiler = only(soup, "span", class_="spoiler")
    assert wiki_links(spoiler) == [("/Main/TheButlerDidIt/", "the culprit")]
    assert text(spoiler) == "was the culprit"
    assert text(soup) == "The butler was the culprit."


def test_spoiler_is_focusable_and_titled() -> None:
    spoiler = only(html("[[spoiler:x]]"), "span", class_="spoiler")
    assert spoiler["tabindex"] == "0"
    assert spoiler.get("title")


def test_spoiler_content_is_full_inline_markup() -> None:
    spoiler = only(html("[[spoiler:''a'' '''b''' HeroicSacrifice {{Free}} [[AC:c]] [-d-]]]"), "span", class_="spoiler")
    assert spoiler.find("em") and spoiler.find("strong") and spoiler.find("small")
    assert len(wiki_links(spoiler)) == 2
    assert spoiler.find("span", class_="asscaps") is not None


def test_multi_line_spoiler() -> None:
    spoiler = only(html("[[spoiler:line1\\\\\nline2]]"), "span", class_="spoiler")
    assert spoiler.find("br") is not None
    assert text(spoiler) == "line1 line2"


def test_spoiler_brackets_are_depth_matched() -> None:
    soup = html("[[spoiler:a [[spoiler:b [[FooBar c]]]] d]] e")
    outer = soup.find("span", class_="spoiler")
    inner = only(outer, "span", class_="spoiler")
    assert text(inner) == "b c"
    assert text(outer) == "a b c d"
    assert text(soup) == "a b c d e"


def test_unclosed_spoiler_is_literal_and_warned() -> None:
    source = "[[spoiler:unclosed text"
    soup = html(source)
    assert soup.find("span", class_="spoiler") is None
    assert text(soup) == source
    assert warnings(source)


def test_spoilers_in_list_items_and_headings() -> None:
    soup = html("!Head [[spoiler:h]]\n* item [[spoiler:i]]")
    assert text(only(only(soup, "h2"), "span", class_="spoiler")) == "h"
    assert text(only(only(soup, "li"), "span", class_="spoiler")) == "i"


# ------------------------------------------------------------------------------------------------- §16 notes


def test_note_example() -> None:
    soup = html("Peace[[note]]for now[[/note]] reigns.")
    note = only(soup, "span", class_="tvt-note")
    assert text(only(note, "button", class_="notelabel")) == "note"
    assert text(only(note, "span", class_="notebody")) == "for now"
    assert text(soup) == "Peacenotefor now reigns."


def test_note_label_is_a_collapsed_button() -> None:
    button = only(html("a[[note]]b[[/note]]"), "button")
    assert button["aria-expanded"] == "false"
    assert button.get("type") == "button"


def test_note_glued_to_a_quote() -> None:
    soup = html('"Allies"[[note]]More like people they\'re not firing upon[[/note]]:')
    body = only(soup, "span", class_="notebody")
    assert text(body) == "More like people they're not firing upon"
    assert text(soup).endswith(":")


def test_labelnote() -> None:
    soup = html("[[labelnote:Explanation]]The explanation.[[/labelnote]]")
    note = only(soup, "span", class_="labelnote")
    assert text(only(note, "button")) == "Explanation"
    assert text(only(note, "span", class_="notebody")) == "The explanation."


def test_labelnote_label_is_trimmed_and_keeps_punctuation() -> None:
    soup = html("[[labelnote: Jeanne d'Arc (Santa Alter Lily) ]]body[[/labelnote]]")
    assert only(soup, "button").get_text() == "Jeanne d'Arc (Santa Alter Lily)"


def test_note_body_holds_links_emphasis_spoilers_breaks_and_images() -> None:
    soup = html("x[[note]]HeroicSacrifice ''em'' [[spoiler:sp]]\\\\\nhttps://example.org/alt.png[[/note]]")
    body = only(soup, "span", class_="notebody")
    assert len(wiki_links(body)) == 1
    assert body.find("em") and body.find("br") and body.find("img")
    assert text(only(body, "span", class_="spoiler")) == "sp"


@pytest.mark.parametrize(
    ("source", "container"),
    [
        ("* item [[note]]n[[/note]] rest", "li"),
        ("'''bold [[note]]n[[/note]] rest'''", "strong"),
        ("[[caption-width-right:200:cap [[note]]n[[/note]]]]", "figcaption"),
        ("[[spoiler:sp [[note]]n[[/note]]]]", "span"),
    ],
)
def test_notes_are_inline_everywhere(source: str, container: str) -> None:
    soup = html(source)
    note = only(soup, "span", class_="tvt-note")
    assert note.find_parent(container) is not None
    assert text(only(note, "span", class_="notebody")) == "n"


def test_spoiler_inside_note_and_note_inside_spoiler() -> None:
    soup = html("[[note]][[spoiler:c]][[/note]] and [[spoiler:a [[note]]b[[/note]]]]")
    notes = soup.find_all("span", class_="tvt-note")
    assert notes[0].find("span", class_="spoiler") is not None
    assert notes[1].find_parent("span", class_="spoiler") is not None


def test_unclosed_note_ends_with_its_block_and_warns() -> None:
    source = "[[note]]unclosed body\nnext line"
    soup = html(source)
    body = only(soup, "span", class_="notebody")
    assert text(body) == "unclosed body"
    assert "next line" not in text(body)
    assert "unclosed-note" in codes(source)


def test_orphan_note_closer_is_dropped_and_warned() -> None:
    source = "x[[/note]] y"
    assert text(html(source)) == "x y"
    assert warnings(source)


def test_nested_notes_by_depth_counting() -> None:
    soup = html("[[note]]a [[note]]b[[/note]] c[[/note]]")
    outer = soup.find("span", class_="tvt-note")
    inner = only(outer.find("span", class_="notebody"), "span", class_="tvt-note")
    assert text(inner.find("span", class_="notebody")) == "b"
    assert text(outer.find("span", class_="notebody")) == "a noteb c"


def test_note_and_labelnote_closers_do_not_cross() -> None:
    source = "[[note]]a[[/labelnote]] b[[/note]]"
    soup = html(source)
    assert text(only(soup, "span", class_="notebody")) == "a b"
    assert warnings(source)


def test_hottip_legacy_renders_like_a_labelnote() -> None:
    source = "[[hottip:*:footnote text]]"
    soup = html(source)
    note = only(soup, "span", class_="tvt-note")
    assert text(only(note, "button")) == "*"
    assert text(only(note, "span", class_="notebody")) == "footnote text"
    assert codes(source)


def test_note_tags_are_case_insensitive() -> None:
    soup = html("a[[Note]]b[[/NOTE]]")
    assert text(only(soup, "span", class_="notebody")) == "b"
