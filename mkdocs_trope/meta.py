"""Author-written text as MkDocs and its themes expect it: titles and metadata that are safe HTML.

MkDocs' Jinja environment does not autoescape, and the ``mkdocs``, ``readthedocs`` and Material templates print
``page.title``, nav titles and ``page.meta`` values as they are (MkDocs' own titles, taken from rendered headings,
are already HTML-escaped text). A few places filter them: Material escapes with ``| e`` in ``aria-label``
attributes and prints ``page.title | striptags`` in ``<title>`` when ``page.meta.title`` is unset. So every such
value is given as :class:`markupsafe.Markup` holding escaped text: printed raw it is text; ``| e`` leaves it as it
is instead of escaping it twice; and trope pages always set ``page.meta.title``, so ``striptags`` (which turns
``&lt;`` back into ``<``) never sees their titles.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape

from .markup import MetaValue


def html_text(text: str) -> Markup:
    """``text`` escaped for HTML text and attribute values, marked as safe for Jinja."""
    return escape(str(text))


def page_meta(values: Iterable[tuple[str, MetaValue]], title: str) -> dict[str, Any]:
    """``page.meta`` of a trope page: the checked front matter values, strings escaped, and its title."""
    meta: dict[str, Any] = {key: _safe(value) for key, value in values}
    meta["title"] = html_text(title)
    return meta


def _safe(value: MetaValue) -> Any:
    if isinstance(value, tuple):
        return [_safe(item) for item in value]
    if isinstance(value, str):
        return html_text(value)
    return value


def refresh_tag(url: str) -> str:
    """The ``<meta>`` that forwards a redirect page's readers to ``url`` (a URL made from file names: escaped)."""
    return f'<meta http-equiv="refresh" content="0; url={html_text(url)}">'
