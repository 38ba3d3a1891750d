"""URL safety: which URLs may become links or images, and how they are written into Markdown.

Only ``http``, ``https``, ``ftp`` and ``mailto`` (and scheme-less relative paths) are ever made into links; every
other scheme (``javascript:``, ``data:``, ``vbscript:`` ...) stays text. Character references (``&#47;``) are
decoded *before* the check, because the browser decodes them before it reads the URL. Characters that Markdown or
HTML could read as syntax are percent-encoded (but not ``(``, ``)`` or ``'``: URLs use them as written, and links
are written ``[text](<url>)``), and so is an ``&`` that would start a character reference, so a URL can never end its
attribute or its Markdown link early, nor gain a meaning in HTML it did not have when it was checked.
"""

from __future__ import annotations

import html
import re

ALLOWED_SCHEMES = frozenset({"http", "https", "ftp", "mailto"})
IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")

KNOWN_SCHEMES = ALLOWED_SCHEMES | frozenset(
    {
        "javascript", "vbscript", "livescript", "data", "file", "blob", "filesystem", "about", "jar",
        "view-source", "ws", "wss", "ms-its", "mhtml", "tel", "sms", "irc", "ssh", "sftp", "ftps", "news", "nntp",
        "gopher", "feed", "webcal", "intent",
    }
)  # fmt: skip
"""Schemes that make ``[[scheme:...]]`` a (possibly refused) link rather than a ``[[name:...]]`` construct."""

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]{0,30}):")
URL_PREFIX = re.compile(r"(?i:https?://|ftp://|mailto:)")
_UNSAFE = re.compile(r"[\x00-\x20\x7f\"<>\\`\[\]{}|^]")
"""What is percent-encoded: what could end the attribute or the ``<..>`` Markdown link target, and what a URL may
not hold. ``(``, ``)`` and ``'`` are legal in URLs and stay as written (links are written ``[text](<url>)``)."""
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
"""A character reference with its semicolon: browsers decode these in attributes (a bare ``&name`` they keep)."""
_AMPERSAND_REFERENCE = re.compile(r"&(?=#|[A-Za-z0-9]{1,32};)")
"""An ``&`` that could be read as a character reference (numeric ones even without ``;``): it is written ``%26``.
Any other ``&`` stays, and the HTML serializer writes it as ``&amp;``, so the URL holds no reference at all."""


def split_scheme(text: str) -> str | None:
    """The lower-cased scheme of an absolute URL, or None for a relative one."""
    match = _SCHEME.match(text)
    return match.group(1).lower() if match else None


def looks_like_url(text: str) -> bool:
    """True if ``text`` starts like an absolute URL: a well-known scheme, or any scheme followed by ``//``.

    Why: ``[[javascript:alert(1) click]]`` must be read as a pothole with a refused target (shown as text, with
    a diagnostic), not as an unknown style named ``javascript`` that silently hides the scheme.
    """
    scheme = split_scheme(text)
    return scheme is not None and (scheme in KNOWN_SCHEMES or text[len(scheme) + 1 :].startswith("//"))


def refused_scheme(text: str) -> str | None:
    """The scheme of ``text`` if it has one that is never made into a link (``javascript`` ...), else None."""
    scheme = split_scheme(text)
    return scheme if scheme is not None and scheme not in ALLOWED_SCHEMES else None


def safe_url(text: str) -> str | None:
    """The URL ready for an ``href``/``src``, or None if it must not become a link."""
    if "&" in text:
        text = _REFERENCE.sub(lambda m: html.unescape(m.group()), text)
    scheme = split_scheme(text)
    if scheme is None:
        if text.startswith(("//", "/\\", "\\")) or ":" in text.split("/", 1)[0]:
            return None
        return _encode(text)
    if scheme not in ALLOWED_SCHEMES:
        return None
    rest = text[len(scheme) + 1 :]
    if scheme != "mailto" and (not rest.startswith("//") or len(rest) <= 2):
        return None
    if scheme == "mailto" and not rest:
        return None
    return _encode(text)


def is_image_url(text: str) -> bool:
    """An absolute http(s)/ftp URL whose path ends in an image extension (any case, spec decision A13)."""
    scheme = split_scheme(text)
    if scheme not in ("http", "https", "ftp") or " " in text:
        return False
    path = text.split("?", 1)[0].split("#", 1)[0].lower()
    return path.endswith(IMAGE_EXTENSIONS)


def is_relative_image(text: str) -> bool:
    """A scheme-less path to an image (``images/x.png``, ``../img/y.svg``): no blanks, colons or ``//``."""
    if not text or " " in text or ":" in text or text.startswith("//"):
        return False
    return text.lower().endswith(IMAGE_EXTENSIONS) and all(ch.isalnum() or ch in "/._-~%" for ch in text)


def image_source(text: str) -> str | None:
    """The ``src`` for text that is nothing but an image URL or relative image path, else None."""
    text = text.strip()
    if is_image_url(text):
        return safe_url(text)
    return text if is_relative_image(text) else None


def _encode(url: str) -> str:
    return _AMPERSAND_REFERENCE.sub("%26", _UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", url))
