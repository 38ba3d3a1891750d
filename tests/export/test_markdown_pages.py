"""Markdown pages in the export: wiki links written out, code and everything else as written, even when hostile."""

from __future__ import annotations

from mkdocs_trope.export.markdown_pages import portable_page
from mkdocs_trope.extensions.resolver import UrlPatternResolver

RESOLVE = UrlPatternResolver("../{namespace}/{name}.trope").resolve


def test_links_are_written_out_and_code_is_not() -> None:
    text = "See [[Film/Shrek the film]] and {{Heroic Sacrifice}}, not `[[Film/Shrek]]` nor \\[[Film/Shrek]].\n"
    assert portable_page(text, RESOLVE) == (
        "See [the film](../Film/Shrek.md){: .twikilink } and [Heroic Sacrifice](../Main/HeroicSacrifice.md)"
        "{: .twikilink }, not `[[Film/Shrek]]` nor \\[[Film/Shrek]].\n"
    )


def test_fenced_code_and_reference_definitions() -> None:
    text = '~~~~\n[[Film/Shrek]]\n~~~\n~~~~\n[x][r] [y](Main/Page.trope#top)\n\n[r]: Film/Shrek.trope "T"\n'
    assert portable_page(text, RESOLVE) == (
        '~~~~\n[[Film/Shrek]]\n~~~\n~~~~\n[x][r] [y](Main/Page.md#top)\n\n[r]: Film/Shrek.md "T"\n'
    )


def test_unclosed_potholes_stay_text() -> None:
    text = "[[" * 20_000 + " [[Film/Shrek end]] " + "{{" * 20_000
    result = portable_page(text, RESOLVE)
    assert result == "[[" * 20_000 + " [end](../Film/Shrek.md){: .twikilink } " + "{{" * 20_000
