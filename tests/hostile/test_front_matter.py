"""Front matter and file names are page text: what an author writes there is shown as text or reported, never run.

Why: the nav, breadcrumbs, prev/next links and ``<title>`` of every page print other pages' titles, and MkDocs,
themes and plugins act on front matter keys. One page must not be able to put markup into the whole site, make
the build read files, or make it crash. The themes print titles without escaping (MkDocs' Jinja environment does
not autoescape) and Material escapes some of them itself, so the checks look at the parsed page for both failures:
live markup, and text escaped twice (``&lt;`` shown to the reader).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from mkdocs_trope import render_html
from mkdocs_trope.markup import convert
from mkdocs_trope.markup.frontmatter import MAX_TITLE, read_front_matter

from ..sitebuild import Site, build_site
from .htmlsafety import problems

HOSTILE_TITLE = "<b class=pwn>T</b><img src=x onerror=alert(1)>\"'&amp;</title><script>alert(1)</script>"
HOSTILE_NAME = "Odd<b>&\"x'Name"
"""A file name with every character HTML gives a meaning to (``/`` aside, which separates folders)."""

ALIAS_BOMB = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9)
) + "title: *j\n---\nBody text.\n"
"""Ten levels of four aliases each: a million ``x`` if expanded, a few hundred bytes as written."""

UNCLEAN = {
    "invalid YAML": ("---\ntitle: <b>bold</b>: x\n---\nBody.\n", 2),
    "lone scalar": ("---\n<i>just a line</i>\n---\nBody.\n", 0),
    "lone scalar like a key": ("---\ntitle:<b>x</b>\n---\nBody.\n", 1),
    "comment only": ("---\n# <b>a comment</b>\n---\nBody.\n", 1),
    "tab indented": ("---\ntitle: x\n\tsub: <b>y</b>\n---\nBody.\n", 3),
    "alias bomb": (ALIAS_BOMB, None),
    "python tag": ("---\ntitle: !!python/object/apply:os.system ['echo <b>x</b>']\n---\nBody.\n", None),
    "list at the top": ("---\n- <b>a</b>\n- b\n---\nBody.\n", 0),
    "list under a key-like line": ("---\ntitle:\n- <b>a</b>\n---\nBody.\n", 0),
    "key not text": ("---\ntrue: <b>one</b>\n---\nBody.\n", 1),
}
"""Blocks that look like front matter but are not a plain YAML mapping: (page, line reported, if known; 0 when
the block does not even look like front matter, which is then page text like any other)."""


# ------------------------------------------------------------------------------------------- converter


@pytest.mark.parametrize(("page", "line"), UNCLEAN.values(), ids=list(UNCLEAN))
def test_unclean_front_matter_is_shown_as_text_and_reported(page: str, line: int | None) -> None:
    result = convert(page)
    reports = [d for d in result.diagnostics if d.code == "front-matter"]
    assert len(reports) == (line != 0) and all("shown as page text" in d.message for d in reports)
    if line:
        assert reports[0].line == line
    assert result.meta == {} and result.front_matter == ""
    for rendered in (render_html(page), _markdown_render(page)):
        soup = BeautifulSoup(rendered, "html.parser")
        assert problems(soup) == [] and soup.find(["b", "i", "h1", "h2"]) is None, rendered
        shown = soup.get_text("")
        assert "Body" in shown
        assert len(rendered) < 20 * len(page), "front matter must never be expanded"
    words = [word for word in ("bold", "just a line", "a comment", "y", "one") if f">{word}<" in page]
    assert all(word in BeautifulSoup(render_html(page), "html.parser").get_text("") for word in words)


def _markdown_render(page: str) -> str:
    import markdown

    return markdown.markdown(page, extensions=["mkdocs_trope.extensions.trope"])


def test_a_clean_block_is_read_and_never_rendered() -> None:
    page = "---\ntitle: <b>Mine</b>\n---\nBody.\n"
    result = convert(page)
    assert result.meta == {"title": "<b>Mine</b>"} and result.diagnostics == ()
    assert "Mine" not in result.markdown and "Mine" not in render_html(page)


@pytest.mark.parametrize(
    ("key_line", "message"),
    [
        ("template: ../../../etc/passwd", "the key 'template' is not one this site reads"),
        ("icon: ../../../../x", "the key 'icon' is not one this site reads"),
        ("title: [a, b]", "'title' must be text"),
        ("title: {a: b}", "'title' must be text"),
        (f"title: {'x' * (MAX_TITLE + 1)}", f"'title' is longer than {MAX_TITLE} characters"),
        ("title: ''", "'title' must be one line of text"),
        ("title: true", "'title' must be text"),
    ],
)
def test_keys_a_page_may_not_set_and_bad_values_are_reported_at_their_line(key_line: str, message: str) -> None:
    result = convert(f"---\nauthor: x\n{key_line}\n---\nBody.\n", options=_options())
    found = [d for d in result.diagnostics if d.code == "front-matter-key" and message in d.message]
    assert len(found) == 1 and found[0].line == 3, result.diagnostics
    assert "title" not in result.meta and "template" not in result.meta


def _options(*keys: str) -> Any:
    from mkdocs_trope.markup import ConvertOptions
    from mkdocs_trope.markup.frontmatter import DEFAULT_KEYS

    return ConvertOptions(front_matter_keys=DEFAULT_KEYS | frozenset(keys or ("author",)))


def test_allowed_keys_keep_plain_values_and_lists() -> None:
    front, body = read_front_matter("---\ntitle: 1984\ntags: [a, b]\ndraft: false\n---\nText\n", {"title", "tags",
                                                                                                  "draft"})
    assert dict(front.values) == {"title": "1984", "tags": ("a", "b"), "draft": False}
    assert body == "\n" * 5 + "Text\n", "line numbers of the body stay true"


def test_a_page_that_only_starts_with_dashes_is_not_front_matter() -> None:
    result = convert("---\nJust prose after three dashes.\n---\nMore.\n")
    assert result.diagnostics == () and "Just prose" in result.markdown


# ------------------------------------------------------------------------------------------ site builds


def _hostile_site(root: Path, theme: Any, **plugin: Any) -> Site:
    files = {
        "index.md": "# Home\n",
        "Main/Aaa.trope": "A first page.\n",
        "Main/Hostile.trope": f"---\ntitle: {_yaml_string(HOSTILE_TITLE)}\n---\n* Hostile/Sub\n",
        "Hostile/Sub.trope": "A subpage.\n",
        f"Main/{HOSTILE_NAME}.trope": "Named oddly.\n",
        "Main/Zzz.trope": "A last page.\n",
    }
    return build_site(root, files, theme=theme, plugins=["search", {"trope": plugin}])


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


THEMES: list[Any] = ["mkdocs", "readthedocs", {"name": "material", "features": ["navigation.indexes"]}]


@pytest.fixture(scope="module", params=THEMES, ids=["mkdocs", "readthedocs", "material"])
def hostile_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Site:
    return _hostile_site(tmp_path_factory.mktemp("front-matter"), request.param)


PAGES = ["Main/Aaa.trope", "Main/Hostile.trope", "Hostile/Sub.trope", f"Main/{HOSTILE_NAME}.trope", "Main/Zzz.trope"]


@pytest.mark.parametrize("page", PAGES)
def test_titles_and_names_are_text_on_every_page_of_every_theme(hostile_site: Site, page: str) -> None:
    soup = hostile_site.soup(page)
    assert soup.select(".pwn, img[onerror]") == []
    assert [s for s in soup.find_all("script") if s.get_text().strip() == "alert(1)"] == []
    assert soup.find("b") is None
    shown = soup.get_text(" ")
    assert "&lt;" not in shown and "&amp;amp;" not in shown and "&#" not in shown, "escaped twice"
    for element in soup.find_all(True):
        for attribute in ("title", "aria-label", "content", "alt"):
            value = element.get(attribute)
            if isinstance(value, str):
                assert "&lt;" not in value and "&#" not in value, f"{attribute}={value!r} escaped twice"
    texts = [" ".join(a.get_text(" ").split()) for a in soup.find_all(["a", "span", "li", "label", "title", "h1"])]
    assert any(HOSTILE_TITLE in text for text in texts), "the hostile title is shown as written"
    assert any("Odd<b>&\"x'Name" in text for text in texts), "the odd file name is shown as written"


def test_the_page_title_element_is_the_title_text(hostile_site: Site) -> None:
    title = hostile_site.soup("Main/Hostile.trope").title
    assert title is not None and title.get_text().startswith(HOSTILE_TITLE)
    named = hostile_site.soup(f"Main/{HOSTILE_NAME}.trope").title
    assert named is not None and named.get_text().startswith("Odd<b>&\"x'Name")


def test_front_matter_cannot_include_files_through_snippets(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("TOP-SECRET-TOKEN\n", encoding="utf-8")
    include = '--8<-- "secret.txt"'
    files = {
        "Main/Front.trope": f"---\ntitle: x\n{include}\n---\nBody.\n",
        "Main/Quoted.trope": f"---\ntitle: '{include}'\n---\nBody.\n",
        "Main/Body.trope": f"{include}\n;{include}\n-8<- secret.txt\n\n  {include}\n",
        "Main/Block.trope": f"--8<--\nsecret.txt\n--8<--\n\n---\n{include}\n---\n",
    }
    site = build_site(tmp_path, files, markdown_extensions=[{"pymdownx.snippets": {"base_path": [str(tmp_path)]}}])
    for page in files:
        assert "TOP-SECRET-TOKEN" not in site.page_path(page).read_text(encoding="utf-8"), page
    assert "secret.txt" in site.content("Main/Body.trope").get_text(), "the include line stays text"


def test_keys_mkdocs_and_themes_act_on_are_reported_not_used(tmp_path: Path) -> None:
    page = "---\ntitle: Fine\ntemplate: ../../../x.html\nicon: ../../../../etc/passwd\nhide: [navigation]\n---\nText.\n"
    site = build_site(tmp_path, {"Main/Keys.trope": page, "index.md": "# Home\n"}, theme={"name": "material"})
    warnings = "\n".join(site.warnings())
    for key, line in (("template", 3), ("icon", 4), ("hide", 5)):
        assert f"docs/Main/Keys.trope:{line}:1: front matter: the key '{key}'" in warnings
    assert site.soup("Main/Keys.trope").title.get_text().startswith("Fine")
    assert site.soup("Main/Keys.trope").select_one(".md-sidebar--primary") is not None, "'hide' was not applied"


def test_the_site_owner_can_allow_more_keys_and_their_values_stay_text(tmp_path: Path) -> None:
    page = '---\ntitle: Mine\ndescription: "<b>x</b>\\" onload=\\"alert(1)"\nhide: [toc]\n---\nText.\n'
    files = {"Main/Described.trope": page, "index.md": "# Home\n"}
    site = build_site(tmp_path, files, theme={"name": "material"},
                      plugins=["search", {"trope": {"front_matter_keys": ["description", "hide"]}}])
    soup = site.soup("Main/Described.trope")
    meta = soup.find("meta", attrs={"name": "description"})
    assert meta is not None and meta["content"] == '<b>x</b>" onload="alert(1)' and not meta.get("onload")
    assert not any("front matter" in warning for warning in site.warnings())


@pytest.mark.parametrize("keys", [["template", 3], ["bad key!"]])
def test_front_matter_keys_option_is_validated(tmp_path: Path, keys: list[Any]) -> None:
    from mkdocs.exceptions import Abort

    with pytest.raises(Abort):
        build_site(tmp_path, {"Main/A.trope": "x"}, plugins=[{"trope": {"front_matter_keys": keys}}])


def test_unclean_front_matter_in_a_site_is_text_with_its_line(tmp_path: Path) -> None:
    files = {f"Main/Case{index}.trope": page for index, (page, _) in enumerate(UNCLEAN.values())}
    site = build_site(tmp_path, files)
    for index, (_, line) in enumerate(UNCLEAN.values()):
        content = site.content(f"Main/Case{index}.trope")
        for heading in content.find_all("h1"):
            heading.decompose()
        assert problems(content) == [] and content.find(["b", "i", "h2"]) is None
        assert "Body" in content.get_text()
        if line == 0:
            continue
        where = f"docs/Main/Case{index}.trope:{line or ''}"
        assert any(where in w and "front matter is not read" in w for w in site.warnings()), where


def test_the_odd_file_name_is_escaped_in_the_subpage_bar(tmp_path: Path) -> None:
    files = {"Main/Owner.trope": "* Owner/{{Sub}}\n", "Owner/Sub.trope": "Sub page.\n"}
    site = build_site(tmp_path, files, plugins=["search", {"trope": {"titles": {"Owner/Sub": HOSTILE_TITLE}}}])
    bar = site.content("Main/Owner.trope").select_one("nav.tvt-subpages")
    assert bar is not None and HOSTILE_TITLE in bar.get_text() and bar.find("b") is None
    assert html.escape(HOSTILE_TITLE, quote=False) in str(bar)


def test_check_reports_each_class_with_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from mkdocs_trope.cli import main

    pages = {
        "Main/Odd<b>&Name.trope": "Fine text.\n",
        "Main/Keys.trope": "---\ntitle: Mine\ntemplate: x.html\n---\nText.\n",
        "Main/Broken.trope": "---\ntitle: <b>x</b>: y\n---\nText.\n",
        "Main/Table.trope": "Intro.\n\n||width=50% words\n||a||\n",
    }
    for name, text in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert main(["check", "--strict", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    for where, what in (
        ("Odd<b>&Name.trope:1:1: info:", "the page name holds & < >"),
        ("Keys.trope:3:1: warning:", "the key 'template'"),
        ("Broken.trope:2:1: warning:", "front matter is not read"),
        ("Table.trope:3:1: warning:", "table attribute line holds other text"),
    ):
        assert any(where in line and what in line for line in out.splitlines()), (where, out)
