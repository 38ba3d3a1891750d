"""Plugin options. Each option's docstring is its documentation (the README's table is written from them)."""

from __future__ import annotations

import string

from mkdocs.config import base
from mkdocs.config import config_options as c

LOG_LEVELS = ("ignore", "info", "warning")
HEADING_SHIFT_RANGE = (-5, 5)


class UrlPattern(c.Type[str]):
    """A string using only the ``{namespace}`` and ``{name}`` fields of ``str.format``."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        pattern = super().run_validation(value)
        problem = None
        try:
            fields = {field for _, field, _, _ in string.Formatter().parse(pattern) if field is not None}
            unknown = fields - {"namespace", "name"}
            if unknown:
                problem = f"unknown field {', '.join(repr(f'{{{field}}}') for field in sorted(unknown))}"
            else:
                pattern.format(namespace="Main", name="Page")
        except (KeyError, IndexError, ValueError, AttributeError, TypeError) as error:
            problem = str(error)
        if problem:
            raise c.ValidationError(f"{pattern!r} may only use the fields {{namespace}} and {{name}} ({problem})")
        return pattern


class Titles(c.Type[dict]):
    """A mapping of page names (``Namespace/Name`` or ``Name``) to title text."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict[str, str]:
        titles = super().run_validation(value)
        bad = [f"{key}: {text!r}" for key, text in titles.items() if not isinstance(text, str) or not text]
        if bad:
            raise c.ValidationError(f"each page name needs a title text; check {', '.join(bad)}")
        return {str(key): text for key, text in titles.items()}


class IntRange(c.Type[int]):
    """An integer (not a boolean) within ``bounds``, inclusive."""

    def __init__(self, bounds: tuple[int, int], default: int) -> None:
        super().__init__(int, default=default)
        self.bounds = bounds

    def run_validation(self, value: object) -> int:
        low, high = self.bounds
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise c.ValidationError(f"expected a whole number from {low} to {high}, got {value!r}")
        return value


class TropeConfig(base.Config):
    """Options of the ``trope`` plugin (``plugins: [trope: {...}]`` in ``mkdocs.yml``)."""

    missing_pages = c.Choice(LOG_LEVELS, default="info")
    """How links to pages that do not exist are reported: ``ignore``, ``info`` or ``warning``.

    They always render as red links; ``warning`` makes ``mkdocs build --strict`` fail on them.
    """

    missing_page_url = c.Optional(UrlPattern())
    """Send red links to an external wiki instead of nowhere, e.g.
    ``https://tvtropes.org/pmwiki/pmwiki.php/{namespace}/{name}``."""

    case_mismatch = c.Choice(LOG_LEVELS, default="warning")
    """Report links that find their page only when case is ignored (``Main/Heroicsacrifice``)."""

    heading_shift = IntRange(HEADING_SHIFT_RANGE, default=1)
    """Added to trope heading levels: with 1, ``!`` is an ``<h2>`` under the page title's ``<h1>``."""

    page_heading = c.Type(bool, default=True)
    """Start each trope page with its title as an ``<h1>``, as the wiki does."""

    titles = Titles()
    """Custom titles, by ``Namespace/Name`` or by ``Name``: ``{AnimeAndManga: "Anime & Manga"}``.

    Used for page titles, navigation and WikiWord link text; a page's own ``title`` front matter wins.
    """

    wikiwords_in_markdown = c.Type(bool, default=False)
    """Also link bare CamelCase WikiWords in ``.md`` pages (``[[..]]`` and ``{{..}}`` always work there)."""

    nav = c.Type(bool, default=True)
    """Generate the navigation from the pages' subpage lists when ``mkdocs.yml`` has no ``nav``."""

    nav_subpages = c.Type(bool, default=True)
    """With an explicit ``nav``, give each trope page that lists subpages those subpages as children."""

    subpage_bar = c.Type(bool, default=True)
    """Show a bar of sibling subpages (the wiki's "Go To" list) on a page with subpages and on each subpage."""

    related_pages = c.Type(bool, default=True)
    """At the foot of each page, the pages that link to it ("Related"), grouped by namespace, with the count."""

    wanted_pages = c.Type(bool, default=True)
    """Generate the page ``WantedPages`` listing each page that does not exist yet by how many pages link to it.

    Unless the site has its own ``WantedPages`` page. Red links are summed up in one log line either way; with
    ``missing_pages: info`` each is listed at ``mkdocs build -v``.
    """

    index_boxes = c.Type(bool, default=True)
    """At the foot of a page listed in an ``[[index]]``, a box per index with the previous and the next member."""

    redirect_aliases = c.Type(bool, default=True)
    """Links to a ``[[redirect:]]`` page go straight to its target (titled as the target), and the target shows
    "aka: Old Name". Off: links go to the redirect page, which still forwards readers."""

    namespace_tabs = c.Type(bool, default=True)
    """On a work's pages across namespaces (``Film/Shrek``, ``YMMV/Shrek``, ``Trivia/Shrek`` ...), a row of
    links to each of them."""
