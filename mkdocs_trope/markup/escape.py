"""Escaping literal text for Markdown: the only place that decides how text survives Python-Markdown.

Characters Python-Markdown can backslash-escape are backslash-escaped; the others that Markdown, HTML or common
extensions (tables, pymdownx tilde/caret/mark/arithmatex/emoji/magiclink, admonitions, setext headings) could
read are written as numeric character references, which every extension passes through as text.
"""

from __future__ import annotations

import re

_CONTROL = {chr(code): "\ufffd" for code in range(32) if chr(code) not in "\t\n"}
_TABLE = str.maketrans(
    {
        **_CONTROL,
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "{": "\\{",
        "}": "\\}",
        "[": "\\[",
        "]": "\\]",
        "#": "\\#",
        "+": "\\+",
        "-": "\\-",
        "!": "\\!",
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
        "|": "&#124;",
        "~": "&#126;",
        "^": "&#94;",
        "$": "&#36;",
        "=": "&#61;",
        "\n": " ",
        "\t": " ",
    }
)
_CONDITIONAL = re.compile(r"(?<=[0-9])\.|:(?=[A-Za-z0-9/])")
_MAYBE = re.compile("[" + re.escape("".join(map(chr, _TABLE))) + ":0-9]")
"""Whether a text may need escaping at all: most do not, and one scan for a character class (the fastest kind of
regex search) says so."""


def _conditional(match: re.Match[str]) -> str:
    return "\\." if match.group() == "." else "&#58;"


def escape_markdown(text: str) -> str:
    """Literal text → Markdown that Python-Markdown renders as exactly that text."""
    if _MAYBE.search(text) is None:
        return text
    return _CONDITIONAL.sub(_conditional, text.translate(_TABLE))


_ATTRIBUTE = str.maketrans({"&": "&amp;", '"': "&quot;", "<": "&lt;", ">": "&gt;", "'": "&#39;"})


def escape_attribute(value: str) -> str:
    """A value for a double-quoted HTML attribute in our own islands."""
    return value.translate(_ATTRIBUTE)
