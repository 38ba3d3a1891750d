"""A trope page's YAML front matter, read as untrusted page text.

Anyone who can edit a page controls its front matter, and MkDocs, themes and other plugins act on front matter
keys (``template`` picks a file, Material's ``icon`` includes one, ``title`` lands in the nav of every page).
So a page's front matter never reaches MkDocs as written: only a block that is a plain YAML mapping is read,
aliases are refused (a few hundred bytes of them expand into megabytes), only the keys the site allows are kept,
and each value is checked for type and size. A block that is not clean YAML stays in the page as text, with a
warning, so nothing an author wrote disappears and nothing of it is read as Markdown or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from .diagnostics import Diagnostic, Severity

MetaValue = str | int | float | bool | tuple[str | int | float | bool, ...]
"""What a front matter value may be: a scalar, or a flat list of scalars (kept as a tuple)."""

DEFAULT_KEYS = frozenset({"title"})
"""Keys any trope page may set. Others need the site owner's ``front_matter_keys`` option."""

MAX_LINES = 200
"""A block longer than this is not front matter (it is page text)."""

MAX_BYTES = 8_000
"""A block larger than this is not read: YAML parsing is slow, and no allowed key needs that much."""

MAX_TITLE = 300
"""Characters of a ``title``: it is shown in the nav of every page."""

MAX_VALUE = 2_000
"""Characters of any other string value."""

MAX_ITEMS = 50
"""Items of a list value."""

_KEY_LINE = re.compile(r"[A-Za-z_][\w -]{0,80}:")
"""How a line of front matter starts; a page that opens with ``---`` and then prose is not front matter."""


@dataclass(frozen=True)
class FrontMatter:
    """What a page's front matter block gave: the allowed, checked values, and the problems found."""

    text: str = ""
    """The block as written (``---`` lines included) when it was read; empty when there was none, or when it was
    not clean YAML and stays in the page as text."""
    values: Mapping[str, MetaValue] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def title(self) -> str | None:
        title = self.values.get("title")
        return title if isinstance(title, str) else None


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter block, body): the block's lines are blanked in the body so line numbers stay true.

    Only a clean block counts (see :func:`read_front_matter`); anything else is all body.
    """
    front, body, _ = _split(text)
    return front, body


def read_front_matter(text: str, allowed: Iterable[str] = DEFAULT_KEYS) -> tuple[FrontMatter, str]:
    """The page's front matter (only ``allowed`` keys kept) and the body that follows it."""
    front, body, data = _split(text)
    if isinstance(data, Diagnostic):
        return FrontMatter(diagnostics=(data,)), body
    if not front:
        return FrontMatter(), body
    values, diagnostics = _checked_values(front, data, frozenset(allowed))
    return FrontMatter(front, values, diagnostics), body


# ------------------------------------------------------------------------------------------ the block


def _split(text: str) -> tuple[str, str, dict[str, object] | Diagnostic]:
    """The block, the body, and the block's data, or why a block that looked like front matter stays text."""
    normalised = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not normalised.startswith("---\n"):
        return "", text, {}
    lines = normalised.split("\n", MAX_LINES + 2)
    for number, line in enumerate(lines[1 : MAX_LINES + 1], start=1):
        if line.rstrip(" \t") in ("---", "...") and number > 1:
            front = "\n".join(lines[: number + 1]) + "\n"
            data = _parsed(front, lines[1:number])
            if isinstance(data, Diagnostic):
                return "", text, data
            return front, "\n" * (number + 1) + normalised[len(front) :], data
        if line.strip() and not (_KEY_LINE.match(line) or line[0] in " \t#"):
            return "", text, {}  # prose after a ``---`` line: not meant as front matter
    return "", text, {}


def _parsed(front: str, lines: list[str]) -> dict[str, object] | Diagnostic:
    """The block as a mapping, or why it is not a plain YAML mapping."""
    for number, line in enumerate(lines, start=2):
        if line.startswith("\t") or (line.startswith(" ") and "\t" in line[: len(line) - len(line.lstrip())]):
            return _not_yaml(number, "a line is indented with a tab")
    if len(front.encode("utf-8")) > MAX_BYTES:
        return _not_yaml(1, f"it is larger than {MAX_BYTES} bytes")
    body = "\n".join(lines) + "\n"
    try:
        data = yaml.load(body, Loader=_NoAliasLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = mark.line + 2 if mark is not None else 1
        return _not_yaml(where, (error.problem or "it is not valid YAML").rstrip("."))
    except yaml.YAMLError:
        return _not_yaml(1, "it is not valid YAML")
    if not isinstance(data, dict):
        kind = "is empty or only comments" if data is None else "is not a list of 'key: value' lines"
        return _not_yaml(1, f"it {kind}")
    if not all(isinstance(key, str) for key in data):
        return _not_yaml(1, "a key is not text")
    return data


def _not_yaml(line: int, reason: str) -> Diagnostic:
    return Diagnostic(
        line,
        1,
        f"front matter is not read ({reason}); it is shown as page text",
        "write plain 'key: value' lines between two '---' lines, such as title: My Page",
        Severity.WARNING,
        "front-matter",
    )


class _NoAliasLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing aliases: ``*a`` repeated in nested lists expands exponentially."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(None, None, "an alias (*name) is used", event.start_mark)
        return super().compose_node(parent, index)


# ----------------------------------------------------------------------------------------- the values


def _checked_values(
    front: str, data: dict[str, object], allowed: frozenset[str]
) -> tuple[dict[str, MetaValue], tuple[Diagnostic, ...]]:
    lines = _key_lines(front)
    values: dict[str, MetaValue] = {}
    diagnostics: list[Diagnostic] = []
    for key, value in data.items():
        line = lines.get(key, 1)
        if key not in allowed:
            shown = "title" if allowed == DEFAULT_KEYS else ", ".join(sorted(allowed))
            diagnostics.append(_ignored(line, f"the key '{key}' is not one this site reads", f"use {shown}"))
            continue
        checked = _checked(key, value)
        if not isinstance(checked, _Problem):
            values[key] = checked
        else:
            diagnostics.append(_ignored(line, f"'{key}' {checked.reason}", checked.hint))
    return values, tuple(diagnostics)


@dataclass(frozen=True)
class _Problem:
    reason: str
    hint: str


def _checked(key: str, value: object) -> MetaValue | _Problem:
    if key == "title":
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return _Problem("must be text", "write title: Page Title")
        title = str(value).strip()
        if not title or "\n" in title:
            return _Problem("must be one line of text", "write title: Page Title")
        if len(title) > MAX_TITLE:
            return _Problem(f"is longer than {MAX_TITLE} characters", "shorten it")
        return title
    if isinstance(value, list):
        if len(value) > MAX_ITEMS or not all(_is_scalar(item) for item in value):
            return _Problem(f"must be a list of at most {MAX_ITEMS} plain values", "write key: [a, b]")
        return tuple(value)
    if not _is_scalar(value):
        return _Problem("must be a plain value or a list of them", "write key: value")
    return value  # type: ignore[return-value]


def _is_scalar(value: object) -> bool:
    if isinstance(value, str):
        return len(value) <= MAX_VALUE
    return isinstance(value, bool | int | float)


def _ignored(line: int, reason: str, hint: str) -> Diagnostic:
    return Diagnostic(line, 1, f"front matter: {reason}; ignored", hint, Severity.WARNING, "front-matter-key")


def _key_lines(front: str) -> dict[str, int]:
    """Source line of each top-level key (1-based, the opening ``---`` is line 1)."""
    found: dict[str, int] = {}
    for number, line in enumerate(front.split("\n"), start=1):
        if _KEY_LINE.match(line):
            found.setdefault(line.split(":", 1)[0].strip(), number)
    return found
