"""Publish a wiki written in TV Tropes markup as an MkDocs site.

The public entry points are :func:`mkdocs_trope.markup.convert` (trope text to Markdown), the Python-Markdown
extensions in :mod:`mkdocs_trope.extensions`, and the MkDocs plugin ``trope``.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def render_html(text: str, **config: Any) -> str:
    """Trope markup straight to HTML with Python-Markdown and this package's extensions (no MkDocs needed).

    ``config`` goes to :class:`~mkdocs_trope.extensions.trope.TropeExtension` (``url_pattern``, ``resolver``,
    ``heading_shift``).
    """
    import markdown

    from .extensions.trope import TropeExtension

    return markdown.markdown(text, extensions=[TropeExtension(**config)])
