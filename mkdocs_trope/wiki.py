"""The wiki features of a built site, between the plugin's MkDocs events and the site model.

The plugin calls, per build: :meth:`WikiFeatures.start` at ``on_files`` (pages, titles and redirects known),
:meth:`WikiFeatures.gather` at ``on_env`` (every page read: links and index lists known), then :meth:`head`
and :meth:`foot` for each page's HTML. Each feature has its own option in
:class:`~mkdocs_trope.config.TropeConfig`; off, it adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from .config import TropeConfig
from .conversions import Converted, Sketch
from .names import PageName
from .pages import PageIndex, Reporter, page_name_for
from .site import SiteModel
from .wanted import WANTED_NAME, WANTED_PAGE
from .wikiboxes import aka_html, index_boxes_html, related_html, tabs_html, wanted_html

WANTED_TITLE = "Wanted Pages"


class WikiFeatures:
    """Related pages, wanted pages, index boxes, redirects as aliases and namespace tabs for one site."""

    def __init__(self, options: TropeConfig) -> None:
        self.options = options
        self.model: SiteModel | None = None
        self.wanted_file: File | None = None

    def add_wanted_page(self, files: Files, config: MkDocsConfig) -> None:
        """Add the generated ``WantedPages`` page, unless it is off or the site has a page of that name."""
        self.wanted_file = None
        if not self.options.wanted_pages:
            return
        key = WANTED_NAME.key
        if any((name := page_name_for(file.src_uri)) is not None and name.key == key for file in files):
            return
        content = f"# {WANTED_TITLE}\n\nPages that do not exist yet, most linked first.\n"
        self.wanted_file = File.generated(config, WANTED_PAGE, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        files.append(self.wanted_file)

    def start(
        self, index: PageIndex, titles: dict[str, str], sketches: Mapping[str, Sketch], report: Reporter
    ) -> dict[str, File]:
        """A new model for this build; returns the aliases links should resolve through (none if that is off)."""
        self.model = SiteModel(index, titles)
        redirects = {uri: (s.redirect, s.redirect_line) for uri, s in sketches.items() if s.redirect is not None}
        self.model.set_redirects(redirects, report)
        return self.model.aliases if self.options.redirect_aliases else {}

    def gather(self, entries: Iterable[tuple[str, Converted]], markdown_links: Mapping[str, set[PageName]]) -> None:
        """Every page has been read: take each page's links and index lists, derive backlinks and index boxes."""
        model = self.model
        assert model is not None
        for uri, entry in entries:
            model.add_links(uri, entry.links)
            model.add_index(uri, entry.outline)
        for uri, targets in markdown_links.items():
            if self.wanted_file is None or uri != self.wanted_file.src_uri:
                model.add_links(uri, targets)
        model.finish()

    def summary(self) -> str | None:
        """One line for the log about red links, or None when there are none."""
        assert self.model is not None
        pages = len(self.model.wanted())
        if not pages:
            return None
        links = self.model.missing_link_count()
        where = "listed on the page Wanted Pages" if self.wanted_file else "listed with mkdocs build -v"
        link_noun = "link" if links == 1 else "links"
        page_noun = "page that does" if pages == 1 else "pages that do"
        return f"{links} {link_noun} to {pages} {page_noun} not exist yet ({where})"

    def refresh_target(self, file: File) -> File | None:
        """Where a redirect page sends its readers: the end of its chain; None for loops and missing targets."""
        return self.model.aliases.get(file.src_uri) if self.model else None

    # ------------------------------------------------------------------------------------------ HTML

    def head(self, file: File) -> str:
        """What goes under the page title: the namespace tabs and the "aka" line."""
        model = self.model
        if model is None:
            return ""
        parts = []
        if self.options.namespace_tabs:
            parts.append(tabs_html(model.tabs(file.src_uri), file, urls_from(file)))
        if self.options.redirect_aliases:
            parts.append(aka_html(model.also_known_as.get(file.src_uri, []), model.title))
        return "".join(parts)

    def foot(self, file: File) -> str:
        """What goes at the foot of the page: its index boxes and the pages related to it (or the wanted list)."""
        model = self.model
        if model is None:
            return ""

        url_of = urls_from(file)
        if self.wanted_file is not None and file is self.wanted_file:
            missing_url = self.options.missing_page_url

            def external(namespace: str, name: str) -> str | None:
                return missing_url.format(namespace=namespace, name=name) if missing_url else None

            return wanted_html(model.wanted(), url_of, model.title, external)
        parts = []
        if self.options.index_boxes:
            parts.append(index_boxes_html(model.index_boxes.get(file.src_uri, []), url_of, model.title))
        if self.options.related_pages:
            parts.append(related_html(model.related(file.src_uri), url_of, model.title))
        return "".join(parts)


def urls_from(page: File) -> Callable[[File], str]:
    """Relative URLs from ``page`` to other pages: up to the site's root, then down to the target.

    Not the shortest form MkDocs' ``url_relative_to`` finds, but a related list links tens of pages from every
    page, and working out the common part of both URLs for each link cost more than the rest of the list.
    """
    folder, _, last = page.url.rpartition("/")
    base = folder if "." in last else page.url  # the folder the browser resolves relative URLs against
    up = "../" * len([part for part in base.split("/") if part])
    return lambda target: up + target.url or "./"
