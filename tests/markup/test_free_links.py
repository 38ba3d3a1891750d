"""§5.3 Free links ``{{..}}``: target computation, suffixes, hidden parts, and what is not a free link."""

from __future__ import annotations

import pytest

from mkdocs_trope.names import free_link_target

from .golden import codes, html, text, warnings, wiki_links


@pytest.mark.parametrize(
    ("words", "hidden", "target"),
    [
        ("half human hybrid", "", "HalfHumanHybrid"),
        ("trademark", "", "Trademark"),
        ("DCAU", "", "DCAU"),
        ("wiki word", "", "WikiWord"),
        ("Funny Animal", "", "FunnyAnimal"),
        ("Dota 2", "", "Dota2"),
        ("two  spaces", "", "TwoSpaces"),
        ("snake_case words", "", "SnakeCaseWords"),
        ("multi-word thing", "", "MultiWordThing"),
        ("mcDonald land", "", "McDonaldLand"),
        ("Our", "TropesAreDifferent", "OurTropesAreDifferent"),
        ("The Outer Limits", "1963", "TheOuterLimits1963"),
    ],
)
def test_free_link_target(words: str, hidden: str, target: str) -> None:
    assert free_link_target(words, hidden) == target


@pytest.mark.parametrize(
    ("source", "href", "shown"),
    [
        ("{{half human hybrid}}", "/Main/HalfHumanHybrid/", "half human hybrid"),
        ("{{Futurama}}", "/Main/Futurama/", "Futurama"),
        ("{{DCAU}}", "/Main/DCAU/", "DCAU"),
        ("{{wiki word}}s", "/Main/WikiWord/", "wiki words"),
        ("{{Funny Animal}}s", "/Main/FunnyAnimal/", "Funny Animals"),
        ("{{Half Human Hybrid}}s", "/Main/HalfHumanHybrid/", "Half Human Hybrids"),
        ("UsefulNotes/{{trademark}}ed", "/UsefulNotes/Trademark/", "trademarked"),
        ("{{Our|TropesAreDifferent}}", "/Main/OurTropesAreDifferent/", "Our"),
        ("Series/{{The Outer Limits|1963}}", "/Series/TheOuterLimits1963/", "The Outer Limits"),
        ("{{multi-word thing}}", "/Main/MultiWordThing/", "multi-word thing"),
        ("{{Dota 2}}", "/Main/Dota2/", "Dota 2"),
        ("{{Film/Casablanca}}", "/Film/Casablanca/", "Casablanca"),
        ("Film/{{Casablanca}}", "/Film/Casablanca/", "Casablanca"),
        ("{{item}}2", "/Main/Item/", "item2"),
    ],
)
def test_free_links(source: str, href: str, shown: str) -> None:
    assert wiki_links(html(source)) == [(href, shown)]
    assert warnings(source) == []


def test_spec_example() -> None:
    soup = html("Two {{Funny Animal}}s in ''Film/{{Zootopia}}''.")
    assert wiki_links(soup) == [("/Main/FunnyAnimal/", "Funny Animals"), ("/Film/Zootopia/", "Zootopia")]
    assert wiki_links(soup.find("em")) == [("/Film/Zootopia/", "Zootopia")]
    assert text(soup) == "Two Funny Animals in Zootopia."


def test_hidden_part_is_not_displayed_in_italic_link() -> None:
    soup = html("''Series/{{The Outer Limits|1963}}''")
    assert wiki_links(soup.find("em")) == [("/Series/TheOuterLimits1963/", "The Outer Limits")]
    assert "1963" not in text(soup)


def test_hyphenated_suffix_is_not_absorbed() -> None:
    """Decision A17: the suffix is letters and digits only."""
    soup = html("a {{Gambit}}-based plan")
    assert wiki_links(soup) == [("/Main/Gambit/", "Gambit")]
    assert text(soup) == "a Gambit-based plan"


def test_two_free_links_joined_by_a_hyphen_stay_two_links() -> None:
    soup = html("{{Hollywood|Style}}-{{Gambit|Index}}")
    assert wiki_links(soup) == [("/Main/HollywoodStyle/", "Hollywood"), ("/Main/GambitIndex/", "Gambit")]
    assert text(soup) == "Hollywood-Gambit"


@pytest.mark.parametrize("source", ["{{Tom's Diner}}", "{{Hack & Slash}}", "{{Really!}}", "{{a, b}}", "{{1984}}"])
def test_not_a_free_link_is_literal_and_warned(source: str) -> None:
    soup = html(f"x {source} y")
    assert soup.find("a") is None
    assert text(soup) == f"x {source} y"
    assert "bad-free-link" in codes(source)


def test_each_bad_free_link_on_a_line_is_warned() -> None:
    source = "{{Tom's Diner}} and {{Hack & Slash}}"
    assert text(html(source)) == source
    found = [d for d in warnings(source) if d.code == "bad-free-link"]
    assert [(d.line, d.column) for d in found] == [(1, 1), (1, 21)]


@pytest.mark.parametrize("source", ["{{}}", "{{ unclosed", "{{", "}} stray", "{{ }}"])
def test_empty_or_unclosed_braces_are_literal(source: str) -> None:
    soup = html(f"a {source} b")
    assert soup.find("a") is None
    assert text(soup) == " ".join(f"a {source} b".split())


def test_braces_inside_escape_are_literal() -> None:
    soup = html("[={{these}}=]")
    assert soup.find("a") is None
    assert text(soup) == "{{these}}"


@pytest.mark.parametrize(
    ("source", "href", "shown"),
    [
        ("[[{{Avatar}} the cartoon]]", "/Main/Avatar/", "the cartoon"),
        ("[[{{ptitlexybbnn9c}} Your Trope!]]", "/Main/Ptitlexybbnn9c/", "Your Trope!"),
        ("[[Film/{{Casablanca}} the film]]", "/Film/Casablanca/", "the film"),
        ("[[{{Film/Casablanca}} the film]]", "/Film/Casablanca/", "the film"),
    ],
)
def test_free_link_as_pothole_target(source: str, href: str, shown: str) -> None:
    assert wiki_links(html(source)) == [(href, shown)]


def test_free_link_in_running_text_next_to_punctuation() -> None:
    soup = html("({{Futurama}}), {{Futurama}}.")
    assert len(wiki_links(soup)) == 2
    assert text(soup) == "(Futurama), Futurama."
