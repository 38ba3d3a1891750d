"""Plugin options. Each option's docstring is its documentation (the README's table is written from them)."""

from __future__ import annotations

import re
import string

from mkdocs.config import base
from mkdocs.config import config_options as c

LOG_LEVELS = ("ignore", "info", "warning")
HEADING_SHIFT_RANGE = (-5, 5)
KEY_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,80}")
SUBPAGE_DEPTH_RANGE = (1, 20)
NAV_FULL_LIMIT_RANGE = (0, 1_000_000_000)


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
            raise base.ValidationError(f"{pattern!r} may only use the fields {{namespace}} and {{name}} ({problem})")
        return pattern


class Titles(c.Type[dict[str, str]]):
    """A mapping of page names (``Namespace/Name`` or ``Name``) to title text."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict[str, str]:
        titles = super().run_validation(value)
        bad = [f"{key}: {text!r}" for key, text in titles.items() if not isinstance(text, str) or not text]
        if bad:
            raise base.ValidationError(f"each page name needs a title text; check {', '.join(bad)}")
        return {str(key): text for key, text in titles.items()}


class FrontMatterKeys(c.Type[list[str]]):
    """Names of front matter keys (besides ``title``) that trope pages may pass to MkDocs and the theme."""

    def __init__(self) -> None:
        super().__init__(list, default=[])

    def run_validation(self, value: object) -> list[str]:
        keys = super().run_validation(value)
        bad = [repr(key) for key in keys if not isinstance(key, str) or not KEY_NAME.fullmatch(key)]
        if bad:
            raise base.ValidationError(f"front matter keys are names such as description; check {', '.join(bad)}")
        return [str(key) for key in keys]


class IntRange(c.Type[int]):
    """An integer (not a boolean) within ``bounds``, inclusive."""

    def __init__(self, bounds: tuple[int, int], default: int) -> None:
        super().__init__(int, default=default)
        self.bounds = bounds

    def run_validation(self, value: object) -> int:
        low, high = self.bounds
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise base.ValidationError(f"expected a whole number from {low} to {high}, got {value!r}")
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

    front_matter_keys = FrontMatterKeys()
    """Front matter keys, besides ``title``, that a trope page may set: ``[description, tags]``.

    A trope page's front matter is page text, written by whoever edits the page, and MkDocs, themes and plugins
    act on its keys (``template`` picks a template file, Material's ``icon`` includes one). So by default a page
    may set only its ``title``; every other key is reported and ignored. List more keys only for sites whose
    authors are trusted. Values stay text: strings are HTML-escaped wherever they land.
    """

    section_pages = c.Type(bool, default=True)
    """Show a page that heads a section (a trope with subpages, a namespace's index page) as the section's own
    link, once, where the theme can: on ``readthedocs`` the section and its page become one entry (and one
    breadcrumb); on ``material`` the plugin turns on ``navigation.indexes`` (unless ``toc.integrate`` is on).
    The ``mkdocs`` theme's menus cannot be links, so there the page stays the first entry under its title.
    """

    subpage_bar = c.Type(bool, default=True)
    """Show a bar of sibling subpages (the wiki's "Go To" list) on a page with subpages and on each subpage."""

    subpage_depth = IntRange(SUBPAGE_DEPTH_RANGE, default=6)
    """How many levels of subpages the navigation nests below a trope page (``Trope/Sub/SubSub``... counts 2).

    A page listed deeper heads a family of its own, placed right after the family it was cut from, and the build
    warns naming the page whose list goes too deep: a chain of pages each listing the next may be any length
    without making the nav, the subpage bar or the breadcrumbs that deep.
    """

    nav_full_limit = IntRange(NAV_FULL_LIMIT_RANGE, default=300)
    """Largest wiki (in pages) whose generated navigation lists every page; above it, the nav lists only the
    namespace index pages.

    With no ``nav`` in ``mkdocs.yml``, each namespace gets a generated index page (``Main/`` ...) listing its
    pages A to Z with their subpage families, as the wiki's own index pages do. MkDocs writes the whole nav into
    every page, so with every page in the nav each page costs more to build as the wiki grows, and a menu of
    hundreds of entries no longer helps a reader find anything; with only the index pages the nav has one entry per
    namespace and the cost of a page stays the same at any size. Pages still reach their families through the
    subpage bar. ``0`` always uses the short nav. An explicit ``nav`` is never changed.
    """
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
