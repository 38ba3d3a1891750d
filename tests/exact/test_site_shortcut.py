"""Site builds with the direct HTML shortcut against the same builds through Python-Markdown.

A site is built twice in one test: once as the plugin builds it, once with the shortcut switched off so every
trope page goes through Python-Markdown. Every output file (pages with their table of contents and nav, the
search index, the sitemap) must be byte-identical, and MkDocs' link and anchor validation must say the same.
Then the cases the shortcut must step aside for: a plugin that edits a page's Markdown, and a Markdown extension
it does not know.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest

from mkdocs_trope.plugin import TropePlugin
from mkdocs_trope.shortcut import Shortcut

from ..sitebuild import make_config, run_build

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")

FILES: dict[str, str | bytes] = {
    "index.md": (
        "# Home\n\nSee [straight](Main/HeroicSacrifice.trope#playing-it-straight), "
        "[again](Main/HeroicSacrifice.trope#playing-it-straight_1) and [nowhere](Main/HeroicSacrifice.trope#nope).\n"
    ),
    "Main/HeroicSacrifice.trope": (
        "!Playing it straight\nA hero dies for PlayingWithFire, MissingTrope and Film/Shrek & co: 1. <b>|x|</b>\n"
        "!Playing it straight\n!!Sub ''head'' [[Film/Shrek the ogre]] [[spoiler:hidden]]\n"
        "* item [[spoiler:x]] [[http://example.org/x a link]]\n** sub\n*# other\n"
        "[[folder:Film]]\n* [[Film/Shrek]]\n->quoted\n[[/folder]]\n"
        "!!!Deep\n||border=1\n||a||b||\n\n* HeroicSacrifice/{{Film}}\n"
    ),
    "Main/PlayingWithFire.trope": "[[quoteright:200:images/a.png]]\n[[caption-width-right:200:Fire]]\n!Heading\ntext\n",
    "Main/HeroicSacrifice/Film.trope": "Examples from films. HeroicSacrifice.\n",
    "Film/Shrek.trope": "---\ntitle: The Ogre\n---\nA film. HeroicSacrifice.\n",
    "Main/ImageGallery.trope": (
        "[[quoteright:200:[[PlayingWithFire images/a.png]]]]\n"
        "[[caption-width-right:200:A \"hot\" & <b>fire</b> \\*x* &amp; ''lit'' [[Film/Shrek]] {{Film/Shrek}} "
        "[[MissingTrope gone]] [-small-] @@code@@ [[note]]a note[[/note]]]]\n"
        "Text [[Film/Shrek images/a.png]], [[MissingPage images/a.png]] and images/a.png inline.\n"
        "[[quoteleft:150:images/a.png]]\n[[caption-width-left:150:{{Film/Shrek}}]]\n"
        "[[quoteright:120:images/a.png]]\n||[[HeroicSacrifice images/a.png]]||\n"
    ),
    "Main/images/a.png": PNG,
}
TROPE_PAGES = sum(1 for name in FILES if name.endswith(".trope"))


def _build(root: Path, files: dict[str, str | bytes], exact: bool, **settings: Any) -> tuple[TropePlugin, list[str]]:
    original = Shortcut._render
    if not exact:
        Shortcut._render = lambda self, page, config, files: False  # type: ignore[method-assign]
    pages_log = logging.getLogger("mkdocs.structure.pages")
    pages_log.setLevel(logging.INFO)  # MkDocs checks anchors only when its page log is not at DEBUG
    try:
        config, records = run_build(make_config(root, files, **settings))
    finally:
        Shortcut._render = original  # type: ignore[method-assign]
        pages_log.setLevel(logging.NOTSET)
    plugin = config.plugins["trope"]
    assert isinstance(plugin, TropePlugin)
    return plugin, [record.getMessage() for record in records if record.levelno >= logging.WARNING]


_BUILD_DATE = re.compile(rb"Build Date UTC : [^\n]*")


def _outputs(root: Path) -> dict[str, bytes]:
    """Every file of the built site, the theme's build time stamp left out."""
    site = root / "site"
    return {
        path.relative_to(site).as_posix(): _BUILD_DATE.sub(b"", path.read_bytes())
        for path in site.rglob("*")
        if path.is_file() and path.suffix != ".gz"
    }


SETTINGS = [
    pytest.param({}, id="defaults"),
    pytest.param(
        {
            "use_directory_urls": False,
            "markdown_extensions": [
                {"toc": {"permalink": True, "toc_depth": 2, "separator": "_"}},
                "attr_list",
                "admonition",
            ],
            "validation": {"anchors": "warn", "unrecognized_links": "warn"},
            "plugins": ["search", {"trope": {"missing_page_url": "https://tvtropes.org/pmwiki/pmwiki.php/{namespace}/{name}"}}],
        },
        id="toc-permalinks-validation",
    ),
    pytest.param(
        {"markdown_extensions": [{"toc": {"baselevel": 2, "anchorlink": True}}], "plugins": ["trope"]},
        id="toc-baselevel-anchorlink",
    ),
]


@pytest.mark.parametrize("settings", SETTINGS)
def test_site_is_byte_identical_either_way(tmp_path: Path, settings: dict[str, Any]) -> None:
    plugin, exact_warnings = _build(tmp_path / "exact", FILES, True, **settings)
    assert plugin.shortcut.exact == TROPE_PAGES
    assert not plugin.shortcut.fallbacks
    _, markdown_warnings = _build(tmp_path / "markdown", FILES, False, **settings)
    exact, markdown = _outputs(tmp_path / "exact"), _outputs(tmp_path / "markdown")
    assert exact.keys() == markdown.keys()
    for name in markdown:
        assert exact[name] == markdown[name], name
    assert exact_warnings == markdown_warnings
    gallery = next(page for name, page in exact.items() if name.startswith("Main/ImageGallery") and ".htm" in name)
    assert re.search(rb'<img alt="Playing With Fire" src="[./]*images/a\.png" width="200" />', gallery)
    assert b'alt="The Ogre" loading="lazy"' in gallery and b'alt="Missing Page" loading="lazy"' in gallery
    if "validation" in settings:
        assert any("'#nope'" in message for message in exact_warnings)
        assert not any("playing_it_straight" in message for message in exact_warnings)


EDIT_HOOK = '''
def on_page_markdown(markdown, page, **kwargs):
    if page.file.src_uri.endswith(".trope"):
        return markdown + "\\n\\nAdded *by a hook*.\\n"
    return markdown


def on_page_content(html, page, **kwargs):
    return html + '<p class="hooked-content">content hook</p>'


def on_post_page(output, page, **kwargs):
    return output.replace("</body>", "<!-- post page hook --></body>")
'''

READ_HOOK = '''
SEEN = []


def on_page_markdown(markdown, page, **kwargs):
    SEEN.append(page.file.src_uri)
    return markdown


def on_page_content(html, page, **kwargs):
    return html + '<p class="hooked-content">content hook</p>'
'''


def test_a_plugin_editing_the_markdown_gets_python_markdown(tmp_path: Path) -> None:
    (tmp_path / "hooks.py").write_text(EDIT_HOOK, encoding="utf-8")
    plugin, _ = _build(tmp_path, FILES, True, hooks=["hooks.py"])
    assert plugin.shortcut.exact == 0
    assert plugin.shortcut.fallbacks == {"Markdown changed after conversion": TROPE_PAGES}
    page = (tmp_path / "site" / "Main" / "HeroicSacrifice" / "index.html").read_text(encoding="utf-8")
    assert "Added <em>by a hook</em>." in page
    assert "content hook" in page and "<!-- post page hook -->" in page


def test_plugins_that_only_read_keep_the_shortcut_and_their_hooks(tmp_path: Path) -> None:
    (tmp_path / "hooks.py").write_text(READ_HOOK, encoding="utf-8")
    plugin, _ = _build(tmp_path, FILES, True, hooks=["hooks.py"])
    assert plugin.shortcut.exact == TROPE_PAGES and not plugin.shortcut.fallbacks
    page = (tmp_path / "site" / "Main" / "HeroicSacrifice" / "Film" / "index.html").read_text(encoding="utf-8")
    assert page.count("content hook") == 1
    assert 'class="tvt-subpages"' in page  # the plugin's own on_page_content still runs


@pytest.mark.parametrize(
    ("extensions", "reason"),
    [
        (["def_list"], "Markdown extension def_list"),
        (["nl2br"], "Markdown extension nl2br"),
        ([{"toc": {"marker": "Examples"}}], "toc marker 'Examples'"),
    ],
)
def test_an_extension_not_known_to_be_neutral_gets_python_markdown(
    tmp_path: Path, extensions: list[Any], reason: str
) -> None:
    files = {**FILES, "Main/Marked.trope": "Examples\n\nTerm\n: definition\nline\\\\\nbreak\n"}
    plugin, _ = _build(tmp_path, files, True, markdown_extensions=extensions)
    assert plugin.shortcut.exact == 0
    assert plugin.shortcut.fallbacks == {reason: TROPE_PAGES + 1}
