"""Converted trope Markdown → Markdown that any Python-Markdown host renders the same way without this package.

The converter writes wiki links as ``[text](trope:Namespace/Page)`` and page images as ``[[quoteright:W:...]]``
directive lines; both need this package's extensions. Here, once the site is known, they become what those
extensions would have produced, in a form that plain MkDocs and Zensical render with only ``attr_list`` and
``md_in_html``:

* a live link: ``[text](../Film/Foo.md){: .twikilink }``, a Markdown link to the page's file, so the host checks
  it and rewrites it to the page's URL whatever ``use_directory_urls`` says;
* a red link: ``<span class="twikilink redlink" title="...">text</span>``, or ``<a ...>`` to the configured
  external wiki: the same marked element the plugin renders;
* a page image: a ``<figure markdown="span">`` island whose image and caption stay Markdown, so the host rewrites
  the image's relative path as it does for the plugin.

The converter escapes every literal ``[`` and ``]``, so in its output an unescaped bracket always belongs to a
link, an image or a directive: one left-to-right scan pairs them (linear time, no backtracking).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from urllib.parse import quote

from mkdocs.structure.files import File

from ..extensions.images import parse_directive
from ..extensions.resolver import Resolution
from ..markup.escape import escape_attribute, escape_markdown
from ..markup.render import AUTO_TITLE_FLAG, WIKI_SCHEME
from ..markup.urls import image_source
from ..names import PageName
from ..nav import NavNode, family

HTML_CLASS = "twikilink"
MISSING_CLASS = "redlink"
TROPE_SUFFIX = ".trope"
PAGE_SUFFIX = ".md"

_TOKEN = re.compile(r"\\[\s\S]|\[|\]\(" + re.escape(WIKI_SCHEME) + r"|\]")
_SIDES = {"quoteright": "right", "quoteleft": "left", "caption-width-right": "right", "caption-width-left": "left"}

Resolve = Callable[[PageName], Resolution]


def portable_markdown(markdown: str, resolve: Resolve) -> str:
    """The page's Markdown with wiki links resolved and page-image directives written as HTML islands."""
    return _figures(_links(markdown, resolve))


def page_path(src_uri: str) -> str:
    """Where a trope page goes in the exported docs: ``Film/Foo.trope`` → ``Film/Foo.md``."""
    if src_uri.endswith(TROPE_SUFFIX):
        return src_uri[: -len(TROPE_SUFFIX)] + PAGE_SUFFIX
    return src_uri


def _links(markdown: str, resolve: Resolve) -> str:
    if WIKI_SCHEME not in markdown:
        return markdown
    out: list[str] = []
    done = 0
    opened: list[int] = []
    for match in _TOKEN.finditer(markdown):
        token = match.group()
        if token == "[":
            opened.append(match.start())
        elif token == "]":
            if opened:
                opened.pop()
        elif token.startswith("]("):
            start = opened.pop() if opened else -1
            close = markdown.find(")", match.end())
            if start < done or close < 0:  # not a link the converter wrote: leave it as it is
                continue
            out.append(markdown[done:start])
            spec = markdown[match.end() : close]
            out.append(wiki_link(markdown[start + 1 : match.start()], spec, resolve))
            done = close + 1
    out.append(markdown[done:])
    return "".join(out)


def wiki_link(text: str, spec: str, resolve: Resolve) -> str:
    """One wiki link, exactly as :class:`~mkdocs_trope.extensions.wikilinks.WikiLinkTreeprocessor` renders it."""
    auto = spec.endswith(AUTO_TITLE_FLAG)
    if auto:
        spec = spec[: -len(AUTO_TITLE_FLAG)]
    target = PageName.parse(spec)
    resolution = resolve(target)
    if auto and resolution.title:
        text = escape_markdown(resolution.title)
    if resolution.exists and resolution.url:
        return f"[{text}]({_markdown_url(resolution.url)}){{: .{HTML_CLASS} }}"
    shown = (resolution.resolved or target).qualified()
    where = " here yet" if resolution.url else " yet"
    title = escape_attribute(f"The page {shown} does not exist{where}")
    classes = f"{HTML_CLASS} {MISSING_CLASS}"
    if resolution.url:
        return f'<a class="{classes}" href="{escape_attribute(resolution.url)}" title="{title}">{text}</a>'
    return f'<span class="{classes}" title="{title}">{text}</span>'


def _markdown_url(url: str) -> str:
    """A page's relative path as a Markdown link destination: the ``.md`` file, angle-bracketed if it has blanks."""
    path, hash_mark, fragment = url.partition("#")
    if path.endswith(TROPE_SUFFIX):
        path = page_path(path)
    url = path + hash_mark + fragment
    return f"<{url}>" if any(char in url for char in " ()<>") else url


def _figures(markdown: str) -> str:
    """Directive lines (each the start of a block: the converter writes them so) → figure islands."""
    if "\n[[" not in markdown and not markdown.startswith("[["):
        return markdown
    lines = markdown.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        directive = parse_directive(line) if line.startswith("[[") and (not out or not out[-1]) else None
        if directive is None:
            out.append(line)
            index += 1
            continue
        caption = parse_directive(lines[index + 1]) if index + 1 < len(lines) else None
        if caption is not None and directive[0].startswith("quote") and caption[0].startswith("caption"):
            out.append(_figure(directive, caption[2]))
            index += 2
        else:
            out.append(_figure(directive, None))
            index += 1
    return "\n".join(out)


def _figure(directive: tuple[str, int, str], caption: str | None) -> str:
    """What :class:`~mkdocs_trope.extensions.images.FigureProcessor` renders, as a span-level ``md_in_html`` island."""
    name, width, content = directive
    side = _SIDES[name]
    style = f"width:{width}px"
    if not name.startswith("quote"):
        return (
            f'<figure class="captionbox caption{side}" style="{style}" markdown="span">'
            f'<figcaption class="caption">{content}</figcaption></figure>'
        )
    source = image_source(content)
    inner = f"![]({source})" if source is not None else content
    if caption is not None:
        inner += f'<figcaption class="caption">{caption}</figcaption>'
    return f'<figure class="quote{side}" style="{style}" markdown="span">{inner}</figure>'


_BAR_TEXT = re.compile(r'<a href="([^"<>]*)">([^<>]*)</a>|(<span aria-current="page">)([^<>]*)')


def portable_bar(bar: str) -> str:
    """The plugin's subpage bar (its links given as relative ``.md`` paths) as a span-level ``md_in_html`` island.

    Its links become Markdown links and its titles Markdown text, so MkDocs and Zensical both turn each path into
    the page's URL, as they do for the page's own links (raw HTML links are left alone by one and rewritten as
    source paths by the other: no raw URL is right for both).
    """

    def rewrite(match: re.Match[str]) -> str:
        href, link_text, current, current_text = match.groups()
        if href is None:
            return current + escape_markdown(html.unescape(current_text))
        return f"[{escape_markdown(html.unescape(link_text))}]({_markdown_url(html.unescape(href))})"

    return _BAR_TEXT.sub(rewrite, bar).replace(">", ' markdown="span">', 1)


def markdown_index_list(roots: list[NavNode], page: File, url_of: Callable[[File, File], str]) -> str:
    """One initial's families on a namespace index page as a Markdown list of links to the pages' files.

    The plugin writes these lists as raw HTML with page URLs; a plain host would not check or rewrite those, so the
    export writes Markdown links to the ``.md`` files instead, which both MkDocs and Zensical resolve.
    """
    lines = []
    for root in roots:
        for node, level in family(root):
            # file names are author text too: percent-encoded, a '>' cannot end the link early
            target = quote(url_of(node.file, page), safe="/")
            lines.append(f"{'    ' * level}- [{escape_markdown(node.title)}](<{target}>)\n")
    return "".join(lines)


def source_path(target: File, page: File) -> str:
    """The exported file of ``target`` relative to the exported ``page``: what a Markdown link to it says."""
    return posixpath.relpath(page_path(target.src_uri), posixpath.dirname(page_path(page.src_uri)) or ".")
