"""Plugin options. Each option's docstring is its documentation (the README's table is written from them)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

LOG_LEVELS = ("ignore", "info", "warning")


class TropeConfig(base.Config):
    """Options of the ``trope`` plugin (``plugins: [trope: {...}]`` in ``mkdocs.yml``)."""

    missing_pages = c.Choice(LOG_LEVELS, default="info")
    """How links to pages that do not exist are reported: ``ignore``, ``info`` or ``warning``.

    They always render as red links; ``warning`` makes ``mkdocs build --strict`` fail on them.
    """

    missing_page_url = c.Optional(c.Type(str))
    """Send red links to an external wiki instead of nowhere, e.g.
    ``https://tvtropes.org/pmwiki/pmwiki.php/{namespace}/{name}``."""

    case_mismatch = c.Choice(LOG_LEVELS, default="warning")
    """Report links that find their page only when case is ignored (``Main/Heroicsacrifice``)."""

    heading_shift = c.Type(int, default=1)
    """Added to trope heading levels: with 1, ``!`` is an ``<h2>`` under the page title's ``<h1>``."""

    page_heading = c.Type(bool, default=True)
    """Start each trope page with its title as an ``<h1>``, as the wiki does."""

    titles = c.Type(dict, default={})
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
