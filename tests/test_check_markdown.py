"""``mkdocs-trope check`` on Markdown pages: only what the Markdown extensions read there, and never inside code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import markdown

from mkdocs_trope.markdown_check import diagnose_markdown, mask_code

EXTENSIONS = ["mkdocs_trope.extensions.wikilinks", "mkdocs_trope.extensions.images"]

PAGE = """# A Markdown page

See [[Main/HeroicSacrifice the trope]], {{Funny Animal}}s and [[javascript:alert(1) click here]].

```
[[javascript:alert(2) in a fence]]
```

~~~~python
x = "[[lower in a tilde fence]]"
~~~~

    [[javascript:alert(3) in indented code]]

Inline `[[javascript:alert(4)]]` and ``[[javascript:alert(5)]] ` `` are code.

[[quoteright:99999:http://example.org/a.png]]

[[quoteright:300:http://example.org/b.png]]

[[lower case]] is not a link, [[spoiler:hidden]] is trope markup, not read here; [[note]]x[[/note]] is text.
"""


def _check(tmp_path: Path, name: str, text: str) -> subprocess.CompletedProcess[str]:
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_trope", "check", str(page)], capture_output=True, text=True, timeout=60
    )


def test_markdown_page_reports_what_the_extensions_read_outside_code(tmp_path: Path) -> None:
    result = _check(tmp_path, "page.md", PAGE)
    lines = result.stdout.splitlines()
    page = tmp_path / "page.md"
    assert lines == [
        f"{page}:3:63: error: link scheme 'javascript:' is not allowed; shown as text"
        " — link only to http:, https:, ftp: or mailto: addresses",
        f"{page}:17:1: warning: page-image directive '[[quoteright:...]]' is not read; shown as text"
        " — write [[quoteright:WIDTH:image]] with a width from 1 to 2000",
        f"{page}:21:1: warning: '[[lower' is not a link target; shown as text"
        " — a wiki link is [[Target display text]] with a WikiWord, Namespace/Page, {{free link}} or URL",
        f"{page}:21:82: warning: '[[note' is not a link target; shown as text"
        " — a wiki link is [[Target display text]] with a WikiWord, Namespace/Page, {{free link}} or URL",
        f"{page}:21:91: warning: '[[/note' is not a link target; shown as text"
        " — a wiki link is [[Target display text]] with a WikiWord, Namespace/Page, {{free link}} or URL",
        "checked 1 file: 0 infos, 4 warnings, 1 error",
    ]
    assert result.returncode == 1


def test_reported_constructs_are_the_ones_the_extensions_leave_as_text() -> None:
    """What the check calls 'shown as text' is text in the rendered page; what it accepts is a link or figure."""
    html = markdown.markdown(PAGE, extensions=[*EXTENSIONS, "fenced_code"])
    assert "[[javascript:alert(1) click here]]" in html and 'href="javascript' not in html
    assert "[[quoteright:99999:" in html and '<figure class="quoteright" style="width:300px">' in html
    assert "[[lower case]]" in html and 'href="/Main/HeroicSacrifice/"' in html


def test_the_same_page_as_trope_markup_is_read_differently(tmp_path: Path) -> None:
    """Without the .md suffix the file is trope markup: code fences mean nothing there, so more is reported."""
    as_trope = _check(tmp_path, "Page.trope", PAGE)
    assert as_trope.stdout.count("javascript:") > 1


def test_code_is_masked_in_place() -> None:
    text = "a `b` c\n\n```\nd\n```\n\n    e\nf ``g ` h`` i\n"
    masked = mask_code(text)
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")
    assert masked == "a     c\n\n   \n \n   \n\n     \nf           i\n"


def test_unclosed_code_span_is_text() -> None:
    assert mask_code("a ``b ` c [[javascript:x y]]") == "a ``b ` c [[javascript:x y]]"
    assert len(diagnose_markdown("a ``b ` c [[javascript:x y]]")) == 1


def test_hostile_markdown_checks_in_linear_time() -> None:
    """Unmatched backtick runs of every length and unclosed brackets: each costs a bounded amount of work."""
    hostile = "".join("`" * n + " x " for n in range(1, 400)) + "[[" * 50_000 + "\n"
    masked = mask_code(hostile * 4)
    assert len(masked) == len(hostile) * 4
    assert diagnose_markdown(hostile * 4) == []
