"""One nav entry for a page that heads its own section, on the themes that can draw it so.

The navigation makes a trope with subpages a section whose first entry is the trope page itself, and a namespace a
section whose first entry is its index page. Drawn as is, a reader sees the name twice ("Interspecies Romance >
Interspecies Romance"), and the readthedocs breadcrumbs repeat it. How each theme can show it once:

- ``readthedocs`` draws an item that is both a page and a section (``is_page`` and ``is_section``) as one link
  with its children under it, at the top level and below, and links every breadcrumb that has a URL. The section
  and its first page are merged into one such item (:func:`merge_section_pages`).
- ``material`` does it with its ``navigation.indexes`` feature: a section's page named ``index`` becomes the
  section's link. The plugin names such pages ``index`` (their URLs unchanged) and turns the feature on
  (:func:`use_material_indexes`), unless the site uses ``toc.integrate``, which Material cannot combine with it.
- The ``mkdocs`` theme's menus cannot be links: its submenu title is followed by the page, as before.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

MATERIAL_INDEXES = "navigation.indexes"
MATERIAL_INCOMPATIBLE = "toc.integrate"


class SectionPage(Page):
    """A page that is also its section: readthedocs' templates draw it as one link over its children."""

    is_section = True
    children: list[Any]  # type: ignore[assignment]  # MkDocs types a page's children as always None


def merge_section_pages(nav: Navigation, heads: set[str]) -> None:
    """Replace each section whose first entry is a page in ``heads`` (by ``src_uri``) with that page.

    The page object itself becomes the :class:`SectionPage` (its class is switched in place) because MkDocs and
    other plugins already hold it: in ``nav.pages``, in its file's ``page`` and in its neighbours' previous/next
    links. It keeps the section's title and place; its subpages become its children. Walked with a stack.
    """
    pending: list[list[Any]] = [nav.items]
    while pending:
        items = pending.pop()
        for position, item in enumerate(items):
            if isinstance(item, Section) and item.children:
                first = item.children[0]
                if isinstance(first, Page) and not first.is_section and first.file.src_uri in heads:
                    items[position] = item = _merge(item, first)
            if item.children:
                pending.append(item.children)


def _merge(section: Section, page: Page) -> SectionPage:
    page.__class__ = SectionPage
    assert isinstance(page, SectionPage)
    page.title = section.title
    page.parent = section.parent
    page.children = section.children[1:]
    for child in page.children:
        child.parent = page  # type: ignore[assignment]  # MkDocs types parents as sections; this one is both
    return page


def use_material_indexes(theme: Any) -> None:
    """Turn on Material's ``navigation.indexes`` (see the module docstring) unless the site cannot have it."""
    features = theme.get("features") or []
    if MATERIAL_INDEXES not in features and MATERIAL_INCOMPATIBLE not in features:
        theme["features"] = [*features, MATERIAL_INDEXES]
