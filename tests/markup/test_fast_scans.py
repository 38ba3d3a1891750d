"""The scans written for speed find exactly what their plain forms find.

The link scanner and the pre-pass's stop scanner start with one character class (the regex engine then skips in C
to candidate characters) and check the character they consumed by looking behind; the delimiter scan takes runs of
hyphens and pluses whole, only where they can mean something; the escaper skips texts a character-class scan
clears. Each is compared here with the straightforward form it replaces, on random text dense in the characters
that matter.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_trope.markup import escape
from mkdocs_trope.markup.inline import (
    _DELIMITER,
    _LINK_START,
    _MAY_HOLD_MARKUP,
    _classify_delimiter,
    _next_to_stray_bracket,
)
from mkdocs_trope.markup.source import _SPECIALS, BREAK, LITERAL

READABLE_LINK_START = re.compile(
    r"(?<![A-Za-z0-9_])(?:(?i:https?|ftp)://|(?i:mailto):"
    r"|(?P<word>[A-Z][A-Za-z0-9]*(?:[A-Z][a-z0-9]|[a-z0-9][A-Z])[A-Za-z0-9]*)"
    r"|[A-Z][A-Za-z0-9]+[/.](?=[A-Z]|\{\{))"
    r"|\{\{"
)
READABLE_DELIMITER = re.compile(r"''+|@@|\[softreturn\]|\[-+|\[\++|-+\]?|\++\]?")
"""Every run of hyphens and pluses is a candidate; the classifier drops those that mean nothing."""
PIECES = [*"aAbBzZhHtTpPsSfFmMiIlLoO09_/.:{} é", "http://", "HTTPS://", "ftp://", "mailto:", "MailTo:", "{{", "Film/"]
DELIMITER_PIECES = [*"-+[]'@>x ", "[softreturn]", "--", "-]", "+]", "[-", "[+"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)


def found(pattern: re.Pattern[str], text: str, start: int) -> tuple[int, int, str | None] | None:
    match = pattern.search(text, start)
    if match is None:
        return None
    word = match.group() if match.group("word") is not None else None
    return match.start(), match.end(), word


@settings(max_examples=3000, deadline=None)
@given(TEXT)
def test_link_scanner_finds_what_the_readable_rule_finds(text: str) -> None:
    for start in range(len(text) + 1):
        assert found(_LINK_START, text, start) == found(READABLE_LINK_START, text, start), (text, start)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"ab .:/9\\*_[]<>&|~^$=#+-!`{}\n\t\x01é"]), max_size=20))
def test_escaper_skips_only_texts_that_need_nothing(text: str) -> None:
    full = escape._CONDITIONAL.sub(escape._conditional, text.translate(escape._TABLE))
    assert escape.escape_markdown(text) == full


def delimiters(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    """What the delimiter pass keeps: (start, end, classified token) of every meaningful match."""
    kept = []
    for match in pattern.finditer(text):
        token = match.group()
        if _next_to_stray_bracket(token, text, match.start(), match.end()):
            continue
        classified = _classify_delimiter(token, text, match.end(), match.start())
        if classified is not None:
            kept.append((match.start(), match.end(), repr(classified)))
    return kept


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(DELIMITER_PIECES), max_size=16).map("".join))
def test_delimiter_scan_keeps_what_the_readable_scan_keeps(text: str) -> None:
    assert delimiters(_DELIMITER, text) == delimiters(READABLE_DELIMITER, text)


PRE_PASS_PIECES = ["\n", "%", "[", "=", "@", LITERAL, BREAK, "a", " ", "]"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PRE_PASS_PIECES), max_size=14).map("".join))
def test_pre_pass_stops_where_the_readable_scan_stops(text: str) -> None:
    for (no_equals, no_at), fast in _SPECIALS.items():
        stops = ["\n", "%%", f"[{LITERAL}{BREAK}]", *([] if no_equals else ["\\[="]), *([] if no_at else ["\\[@"])]
        readable = re.compile("|".join(stops))
        for start in range(len(text) + 1):
            expected, actual = readable.search(text, start), fast.search(text, start)
            assert (expected and expected.start()) == (actual and actual.start()), (text, start, no_equals, no_at)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([*"][{}'@&+-ax ", LITERAL, BREAK]), max_size=10).map("".join))
def test_plain_text_check_agrees_with_the_readable_check(text: str) -> None:
    readable = re.compile("[][{}'@&" + LITERAL + BREAK + "]|--|\\+\\]")
    assert (_MAY_HOLD_MARKUP.search(text) is None) == (readable.search(text) is None)
