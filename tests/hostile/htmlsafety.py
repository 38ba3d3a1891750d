"""What "safe output" means, checked on parsed HTML: the oracle of the injection suite.

Why a whitelist and not a search for bad strings: an injection that works is one the browser *parses* as markup,
so the check looks at the element tree BeautifulSoup builds, the way a browser would, and allows only the elements
and attributes the converter and its extensions generate. Attribute values are read as the browser reads them
(entities decoded), then decoded once more, NFKC-normalised and stripped of whitespace and control characters
before the scheme check, so double-encoded and look-alike schemes are caught too.
"""

from __future__ import annotations

import html
import re
import unicodedata

from bs4 import BeautifulSoup, Tag

ALLOWED_SCHEMES = frozenset({"http", "https", "ftp", "mailto"})

ALLOWED_TAGS = frozenset(
    {
        "a", "p", "span", "em", "strong", "s", "sup", "sub", "code", "small", "br", "img", "hr",
        "details", "summary", "div", "table", "thead", "tbody", "tr", "td", "th", "caption",
        "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "button", "blockquote",
        "pre", "del", "ins", "mark", "dl", "dt", "dd", "abbr",
    }
)
"""Everything the converter, the project's extensions and the Markdown extensions used in the tests emit."""

FORBIDDEN_TAGS = frozenset(
    {
        "script", "iframe", "object", "embed", "style", "link", "meta", "base", "form", "input", "svg", "math",
        "textarea", "frame", "frameset", "applet", "template", "noscript", "video", "audio", "source", "xmp",
    }
)

ALLOWED_ATTRIBUTES = frozenset(
    {
        "class", "href", "src", "alt", "title", "style", "id", "tabindex", "type", "aria-expanded", "dir",
        "border", "width", "align", "cellpadding", "cellspacing", "colspan", "open", "rel", "role",
        "aria-label", "loading",
    }
)

SAFE_STYLE = re.compile(r"(?:width:[0-9]{1,4}px|font-size:[0-9]{1,3}%|padding-left:[0-9]{1,3}(?:\.[0-9]{1,2})?"
                        r"(?:px|em|rem|%))\Z")
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def browser_url(value: str) -> str:
    """A URL attribute as a lenient browser might finally read it: decoded, normalised, blanks removed."""
    value = unicodedata.normalize("NFKC", html.unescape(value))
    return _INVISIBLE.sub("", value).lower()


def url_problem(value: str) -> str | None:
    """Why an ``href``/``src`` value is unsafe, or None."""
    url = browser_url(value)
    match = _SCHEME.match(url)
    if match and match.group(1) not in ALLOWED_SCHEMES:
        return f"scheme {match.group(1)!r}"
    if not match and (url.startswith(("//", "/\\", "\\")) or ":" in url.split("/", 1)[0].split("?", 1)[0]):
        return "scheme-relative or ambiguous URL"
    return None


def problems(soup: BeautifulSoup | Tag) -> list[str]:
    """Every way the parsed HTML goes beyond what the converter may produce (empty list: safe)."""
    found: list[str] = []
    for element in soup.find_all(True):
        name = element.name.lower()
        if name in FORBIDDEN_TAGS or name not in ALLOWED_TAGS:
            found.append(f"element <{name}>")
        for attribute, raw in element.attrs.items():
            value = " ".join(raw) if isinstance(raw, list) else str(raw)
            lowered = attribute.lower()
            if lowered.startswith("on"):
                found.append(f"event handler {attribute}= on <{name}>")
            elif lowered not in ALLOWED_ATTRIBUTES:
                found.append(f"attribute {attribute}= on <{name}>")
            decoded = browser_url(value)
            url_attribute = lowered in ("href", "src")  # judged by their scheme below
            if "url(" in decoded or "expression(" in decoded or ("javascript:" in decoded and not url_attribute):
                found.append(f"{attribute}={value!r} on <{name}>")
            if lowered in ("href", "src") and (why := url_problem(value)):
                found.append(f"{attribute}={value!r} on <{name}>: {why}")
            if lowered == "style" and not all(SAFE_STYLE.match(part.strip()) for part in value.split(";") if part):
                found.append(f"style={value!r} on <{name}>")
    return found


def visible(soup: BeautifulSoup | Tag) -> str:
    """The text a reader sees, whitespace collapsed (code spans included: their text is visible too)."""
    return " ".join(soup.get_text(" ").split())


def contains(shown: str, text: str) -> bool:
    """``text`` appears in ``shown`` once all whitespace is ignored (elements add spaces at their edges)."""
    return "".join(text.split()) in "".join(shown.split())
