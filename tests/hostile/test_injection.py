"""Adversarial injection suite: no page text can put script, handlers, foreign URL schemes or CSS into the HTML.

Why: a wiki is edited by many hands, and the published site runs in readers' browsers. Every construct that takes
an argument or a URL, and plain text itself, is fed attack strings; the rendered HTML is parsed and checked
against a whitelist (:mod:`tests.hostile.htmlsafety`). Each case also names the text that must stay *visible*:
safety by deleting what the author wrote would break the project's other promise, that text is never lost.

Rendering goes through :func:`mkdocs_trope.render_html`, through Python-Markdown with the extensions sites
commonly enable on top (``attr_list``, footnotes, pymdownx ...), and for a representative subset through a real
MkDocs site build.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import markdown
import pytest
from bs4 import BeautifulSoup

from mkdocs_trope import render_html
from mkdocs_trope.extensions.trope import TropeExtension
from mkdocs_trope.markup import convert

from ..sitebuild import build_site
from .htmlsafety import contains, problems, visible


class Case(NamedTuple):
    id: str
    source: str
    shown: tuple[str, ...] = ()
    """Text that must be visible in the output (whitespace collapsed)."""
    code: str | None = None
    """A diagnostic code the conversion must report (for input that is dropped rather than shown)."""


C = Case
CASES: list[Case] = [
    # ---------------------------------------------------------------------------------- pothole targets
    C("pothole-javascript", "[[javascript:alert(1) click]]", ("javascript:alert(1) click",), "unsafe-url"),
    C("pothole-mixed-case", "[[JaVaScRiPt:alert(1) click]]", ("JaVaScRiPt:alert(1)",), "unsafe-url"),
    C("pothole-vbscript", "[[vbscript:msgbox(1) click]]", ("vbscript:msgbox(1)",), "unsafe-url"),
    C("pothole-data", "[[data:text/html,<script>alert(1)</script> x]]", ("data:text/html,<script>alert(1)</script>",)),
    C("pothole-file", "[[file:///etc/passwd x]]", ("file:///etc/passwd",), "unsafe-url"),
    C("pothole-javascript-slashes", "[[javascript://%0aalert(1) x]]", ("javascript://%0aalert(1)",), "unsafe-url"),
    C("pothole-entity-scheme", "[[&#106;avascript:alert(1) x]]", ("avascript:alert(1)",)),
    C("pothole-entity-colon", "[[javascript&#58;alert(1) x]]", ("alert(1)",)),
    C("pothole-fullwidth", "[[ｊａｖａｓｃｒｉｐｔ:alert(1) x]]", ("ｊａｖａｓｃｒｉｐｔ:alert(1)",)),
    C("pothole-double-quote-breakout", '[[http://ex.org/" onclick="alert(1) x]]', ('onclick="alert(1) x',)),
    C("pothole-single-quote-breakout", "[[http://ex.org/'onmouseover='alert(1) x]]", ("x",)),
    C("pothole-backtick-breakout", "[[http://ex.org/`onclick=`alert(1) x]]", ("x",)),
    C("pothole-markdown-breakout", "[[http://ex.org/)](javascript:alert(1) x]]", ("x",)),
    C("pothole-protocol-relative", "[[//evil.example/x x]]", ("//evil.example/x",)),
    C("pothole-entity-slashes", "[[/&#47;evil.example x]]", ("x",)),
    C("pothole-backslash-host", "[[/\\evil.example x]]", ("x",)),
    C("pothole-mailto-breakout", '[[mailto:a@ex.org" onclick="alert(1) mail]]', ("mail",)),
    C("pothole-display-script", "[[HeroicSacrifice <script>alert(1)</script>]]", ("<script>alert(1)</script>",)),
    C("pothole-display-link", "[[HeroicSacrifice [x](javascript:alert(1))]]", ("[x](javascript:alert(1))",)),
    # ------------------------------------------------------------------------------------- image sources
    C("image-bare-quote", 'http://ex.org/x.png"onerror="alert(1)', ("onerror",)),
    C("image-javascript-png", "[[HeroicSacrifice javascript:alert(1)//x.png]]", ("javascript:alert(1)//x.png",)),
    C("image-svg-data", "[[HeroicSacrifice data:image/svg+xml,<svg onload=alert(1)>.png]]", ("<svg onload",)),
    C("image-quoteright-javascript", "[[quoteright:350:javascript:alert(1)//x.png]]", ("javascript:alert(1)//x.png",)),
    C("image-quoteright-data", "[[quoteright:350:data:image/png;base64,AAAA.png]]", ("data:image/png;base64",)),
    C("image-display-breakout", '[[HeroicSacrifice http://ex.org/a.png" onerror="alert(1)]]', ("onerror",)),
    C("image-relative-traversal", "[[HeroicSacrifice ../../x.png?onerror=alert(1)]]", ("onerror=alert(1)",)),
    # -------------------------------------------------------------------------------- widths and indents
    C("width-quote-breakout", '[[quoteright:350" onclick="alert(1):text]]', ("onclick",)),
    C("width-css-url", "[[quoteright:350px;background:url(javascript:alert(1)):text]]", ("url(javascript:alert(1))",)),
    C("width-expression", "[[quoteright:expression(alert(1)):text]]", ("expression(alert(1))",)),
    C("width-negative", "[[quoteright:-1:text]]", ("text",)),
    C("width-huge", "[[quoteright:99999:text]]", ("text",)),
    C("caption-width-breakout", '[[caption-width-right:350" onmouseover="alert(1):cap]]', ("onmouseover",)),
    C("caption-width-css", "[[caption-width-right:350;position:fixed:cap]]", ("position:fixed",)),
    C("caption-content-script", "[[caption-width-right:350:<script>alert(1)</script>]]", ("<script>",)),
    C("indent-css-url", "[[indent:20;background:url(x):text]]", ("url(x)",)),
    C("indent-expression", "[[indent:expression(alert(1)):text]]", ("expression(alert(1))",)),
    C("indent-quote-breakout", '[[indent:20" onclick="alert(1):text]]', ("onclick",)),
    C("indent-unit-breakout", "[[indent:20px;behavior:url(x.htc):text]]", ("behavior",)),
    # ---------------------------------------------------------------------------------------- style names
    C("style-quote-breakout", '[[evil" onclick="alert(1):text]]', ("onclick",)),
    C("style-event-name", "[[onmouseover:alert(1)]]", ("alert(1)",), "unknown-construct"),
    C("style-script-name", "[[script:alert(1)]]", ("alert(1)",), "unknown-construct"),
    C("style-css-name", "[[style:color:red;background:url(x)]]", ("color:red;background:url(x)",)),
    C("style-angle-name", "[[<script>:alert(1)]]", ("<script>:alert(1)",)),
    # --------------------------------------------------------------------------------------- folder titles
    C("folder-script", "[[folder:<script>alert(1)</script>]]\nbody\n[[/folder]]", ("<script>alert(1)</script>",)),
    C("folder-summary-breakout", "[[folder:</summary><img src=x onerror=alert(1)>]]\nb\n[[/folder]]", ("onerror",)),
    C("folder-quote", '[[folder:" onclick="alert(1)]]\nb\n[[/folder]]', ('" onclick="alert(1)',)),
    C("folder-javascript-link", "[[folder:[[javascript:alert(1) x]]]]\nb\n[[/folder]]", ("javascript:alert(1)",)),
    # ----------------------------------------------------------------------------------- labelnote labels
    C("labelnote-img", "[[labelnote:<img src=x onerror=alert(1)>]]b[[/labelnote]]", ("<img src=x onerror",)),
    C("labelnote-button-breakout", "[[labelnote:</button><script>alert(1)</script>]]b[[/labelnote]]", ("<script>",)),
    C("labelnote-quote", '[[labelnote:" onclick="alert(1)]]b[[/labelnote]]', ('" onclick="alert(1)',)),
    C("hottip-label", "[[hottip:<b onmouseover=alert(1)>:body]]", ("<b onmouseover=alert(1)>",)),
    # ------------------------------------------------------------------------------------ table attributes
    C("table-onclick", "||border=1 onclick=alert(1)\n||a||b||", ("a",), "table-attribute"),
    C("table-style-url", '||style="background:url(javascript:alert(1))"\n||a||', ("a",), "table-attribute"),
    C("table-style-expression", "||style=width:expression(alert(1))\n||a||", ("a",), "table-attribute"),
    C("table-class-breakout", '||class="a onclick=alert(1)"\n||a||', ("a",), "table-attribute"),
    C("table-width-breakout", "||width=100%\"onclick=\"alert(1)\n||a||", ("a",), "table-attribute"),
    C("table-border-breakout", "||border=1'onmouseover='alert(1)\n||a||", ("a",), "table-attribute"),
    C("table-cell-script", "||<script>alert(1)</script>||<img src=x onerror=y>||", ("<script>alert(1)</script>",)),
    C("table-header-iframe", "||!<iframe src=javascript:alert(1)>||", ("<iframe src=javascript:alert(1)>",)),
    C("table-caption", "||!<style>*{x:url(y)}</style>!||\n||a||", ("<style>",)),
    # ------------------------------------------------------------------------------------------ free links
    C("freelink-javascript", "{{javascript:alert(1)}}", ("{{javascript:alert(1)}}",), "bad-free-link"),
    C("freelink-script", "{{<script>}}", ("{{<script>}}",)),
    C("freelink-hidden-quote", '{{Foo|" onclick="alert(1)}}', ("onclick",)),
    C("freelink-namespace-quote", 'Film/{{x" onclick=y}}', ("onclick",)),
    # ------------------------------------------------------------------------------------------- bare URLs
    C("url-quote-breakout", 'http://ex.org/"onmouseover="alert(1)', ("onmouseover",)),
    C("url-script", "https://ex.org/<script>alert(1)</script>", ("<script>alert(1)</script>",)),
    C("url-single-quote", "http://ex.org/x'onclick='alert(1)", ("onclick",)),
    C("url-backtick", "ftp://ex.org/`x`onclick=y", ("onclick",)),
    C("url-mailto-script", "mailto:a@ex.org?subject=<script>alert(1)</script>", ("<script>alert(1)</script>",)),
    C("url-entity-slashes", "http://ex.org/&#47;&#47;x and /&#47;evil", ("and",)),
    C("url-ampersand-query", "see http://ex.org/?a=1&b=2 now", ("see", "now")),
    # -------------------------------------------------------------------------------------- plain text: HTML
    C("text-script", "<script>alert(1)</script>", ("<script>alert(1)</script>",)),
    C("text-img-onerror", "<img src=x onerror=alert(1)>", ("<img src=x onerror=alert(1)>",)),
    C("text-a-javascript", "<a href=javascript:alert(1)>x</a>", ("<a href=javascript:alert(1)>x</a>",)),
    C("text-iframe", '<iframe src="javascript:alert(1)"></iframe>', ('<iframe src="javascript:alert(1)">',)),
    C("text-object-embed", "<object data=x></object><embed src=y>", ("<object data=x></object><embed src=y>",)),
    C("text-svg-onload", "<svg onload=alert(1)>", ("<svg onload=alert(1)>",)),
    C("text-style-tag", "<style>body{background:url(javascript:alert(1))}</style>", ("<style>",)),
    C("text-style-attr", '<div style="width:expression(alert(1))">x</div>', ("expression(alert(1))",)),
    C("text-md-in-html", '<div markdown="1">*x*</div>', ('<div markdown="1">*x*</div>',)),
    C("text-comment-html", "<!-- x --><script>y</script>", ("<!", "x", "--><script>y</script>")),
    C("text-cdata", "<![CDATA[<script>x</script>]]>", ("<script>x</script>",)),
    # -------------------------------------------------------------------------------- plain text: Markdown
    C("md-link-javascript", "[x](javascript:alert(1))", ("[x](javascript:alert(1))",)),
    C("md-image-data", "see ![x](data:text/html;base64,PHNjcmlwdD4=)", ("![x](data:text/html;base64,",)),
    C("md-autolink-javascript", "<javascript:alert(1)>", ("<javascript:alert(1)>",)),
    C("md-autolink-mailto", "<mailto:a@ex.org>", ("<mailto:a@ex.org>",)),
    C("md-reference-definition", "[x]\n\n[x]: javascript:alert(1)", ("[x]: javascript:alert(1)",)),
    C("md-title-breakout", '[x](http://ex.org "a" onclick="b")', ('onclick="b"',)),
    C("md-attr-list-paragraph", "text\n{: onclick=alert(1) }", ("{: onclick=alert(1) }",)),
    C("md-attr-list-heading", "!Title {: onclick=alert(1) #id }", ("{: onclick=alert(1) #id }",)),
    C("md-attr-list-inline", "*x*{: onmouseover=alert(1)}", ("{: onmouseover=alert(1)}",)),
    C("md-footnote", "a[^1]\n\n[^1]: <script>x</script>", ("[^1]: <script>x</script>",)),
    C("md-abbr", "*[HTML]: <script>x</script>\nHTML", ("<script>x</script>",)),
    # ------------------------------------------------------------------------------- plain text: entities
    C("entity-script", "&lt;script&gt;alert(1)&lt;/script&gt;", ("<script>alert(1)</script>",)),
    C("entity-javascript", "&#106;avascript:alert(1)", ("javascript:alert(1)",)),
    C("entity-hex-lt", "&#x3c;script&#x3e;alert(1)&#x3c;/script&#x3e;", ("<script>alert(1)</script>",)),
    C("entity-double", "&amp;lt;script&amp;gt;", ("&lt;script&gt;",)),
    C("entity-placeholder", "&#2;klzzwxh:0&#3; and &#2;wzxhzdk:0&#3;", ("klzzwxh:0",)),
    # ----------------------------------------------------------------------------- plain text: schemes
    C("scheme-fullwidth", "ｊａｖａｓｃｒｉｐｔ:alert(1)", ("ｊａｖａｓｃｒｉｐｔ:alert(1)",)),
    C("scheme-mixed-case", "JaVaScRiPt:alert(1) jAVASCRIPT:alert(2)", (":alert(1)", "jAVASCRIPT:alert(2)")),
    C("scheme-vbscript", "vbscript:msgbox(1)", ("vbscript:msgbox(1)",)),
    C("scheme-data-html", "data:text/html,<script>alert(1)</script>", ("data:text/html,<script>alert(1)</script>",)),
    C("scheme-tab-split", "java\tscript:alert(1)", ("java script:alert(1)",)),
    # --------------------------------------------------------------------------- forged placeholders
    C("placeholder-stx", "\x02klzzwxh:0\x03 after", ("klzzwxh:0", "after")),
    C("placeholder-html-stash", "\x02wzxhzdk:0\x03 after", ("wzxhzdk:0", "after")),
    C("placeholder-sentinels", "\ue000 \ue001 [=x=] after", ("x", "after")),
    # -------------------------------------------------------------------------- inside other constructs
    C("spoiler-script", "[[spoiler:<script>alert(1)</script>]]", ("<script>alert(1)</script>",)),
    C("heading-script", "!<script>alert(1)</script>", ("<script>alert(1)</script>",)),
    C("list-img", "* <img src=x onerror=alert(1)>\n** <svg onload=x>", ("<img src=x onerror=alert(1)>",)),
    C("indent-svg", "-> <svg onload=alert(1)>\n--> <iframe>", ("<svg onload=alert(1)>",)),
    C("emphasis-script", "''<script>alert(1)</script>'' '''<b>'''", ("<script>alert(1)</script>",)),
    C("ac-iframe", "[[AC:<iframe src=x>]]", ("<iframe src=x>",)),
    C("small-script", "[-<script>alert(1)</script>-] [+<b>+]", ("<script>alert(1)</script>",)),
    C("code-script", "@@<script>alert(1)</script>@@", ("<script>alert(1)</script>",)),
    C("escape-script", "[=<script>alert(1)</script>=]", ("<script>alert(1)</script>",)),
    C("escaped-code-script", "[@<script>alert(1)</script>@]", ("<script>alert(1)</script>",)),
    C("ptitle-script", "[=~<script>alert(1)</script>~=]", ("<script>alert(1)</script>",)),
    C("center-script", "[[center:<script>alert(1)</script>]]", ("<script>alert(1)</script>",)),
    C("wmg-iframe", "[[WMG:<iframe src=javascript:alert(1)>]]", ("<iframe src=javascript:alert(1)>",)),
    C("redirect-javascript", "[[redirect:javascript:alert(1)]]", ("javascript:alert(1)",)),
    C("note-script", "[[note]]<script>alert(1)</script>[[/note]]", ("<script>alert(1)</script>",)),
    C("big-size-css", "[++++++++++x++++++++++]", ("x",)),
    C("quoteright-nested-javascript", "[[quoteright:350:[[javascript:alert(1) http://ex.org/b.png]]]]",
      ("javascript:alert(1)",)),
    C("front-matter-breakout", "---\ntitle: x\n---\n<script>alert(1)</script>", ("<script>alert(1)</script>",)),
]

EXTRA_EXTENSIONS = [
    "attr_list", "tables", "toc", "fenced_code", "footnotes", "abbr", "def_list", "admonition",
    "pymdownx.magiclink", "pymdownx.tilde", "pymdownx.caret", "pymdownx.mark", "pymdownx.emoji",
    "pymdownx.betterem", "pymdownx.inlinehilite",
]
"""Extensions sites commonly enable; each reads more syntax out of text, so each is a chance to inject."""


def _render_extra(text: str) -> str:
    return markdown.markdown(text, extensions=[TropeExtension(), *EXTRA_EXTENSIONS])


def _check(html: str, case: Case) -> None:
    soup = BeautifulSoup(html, "html.parser")
    assert problems(soup) == [], html
    shown = visible(soup)
    for text in case.shown:
        assert contains(shown, text), f"{text!r} not visible in {shown!r}"


def _params(cases: list[Case]) -> list[object]:
    return [pytest.param(case, id=case.id) for case in cases]


ATTACKS_THE_ORACLE_MUST_SEE = [
    "<script>x</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="JaVa&#x09;Script:alert(1)">x</a>',
    '<a href=" &#106;avascript:alert(1)">x</a>',
    '<a href="&amp;#106;avascript:alert(1)">x</a>',
    '<a href="ｊａｖａｓｃｒｉｐｔ:alert(1)">x</a>',
    '<a href="//evil.example/">x</a>',
    '<img src="data:image/svg+xml,x">',
    '<span style="background:url(x)">x</span>',
    '<span style="width:1px;left:expression(alert(1))">x</span>',
    '<span style="position:fixed">x</span>',
    '<span data-x="y">x</span>',
    "<svg><a>x</a></svg>",
    '<details ontoggle="alert(1)" open>x</details>',
]


@pytest.mark.parametrize("html", ATTACKS_THE_ORACLE_MUST_SEE)
def test_the_oracle_sees_attacks(html: str) -> None:
    """The checker itself is tested: each of these must be reported, or a passing suite would mean nothing."""
    assert problems(BeautifulSoup(html, "html.parser"))


def test_enough_cases() -> None:
    assert len(CASES) >= 60
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", _params(CASES))
def test_render_html_is_safe(case: Case) -> None:
    _check(render_html(case.source), case)


@pytest.mark.parametrize("case", _params(CASES))
def test_with_common_extensions_is_safe(case: Case) -> None:
    _check(_render_extra(case.source), case)


@pytest.mark.parametrize("case", [case for case in CASES if case.code], ids=[c.id for c in CASES if c.code])
def test_dropped_or_refused_input_is_reported(case: Case) -> None:
    codes = {diagnostic.code for diagnostic in convert(case.source).diagnostics}
    assert case.code in codes


SITE_SUBSET = [
    case for case in CASES
    if case.id.startswith(("pothole-", "image-", "width-", "indent-", "table-", "url-", "text-", "md-", "folder-"))
    or case.id in ("labelnote-img", "style-quote-breakout", "entity-placeholder", "placeholder-stx")
]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory):
    """One real site build with a page per case (and Markdown extensions that read more syntax)."""
    files = {f"Main/Case{index}.trope": case.source for index, case in enumerate(SITE_SUBSET)}
    files["index.md"] = "# Home\n"
    root: Path = tmp_path_factory.mktemp("hostile-site")
    return build_site(root, files, markdown_extensions=["attr_list", "footnotes", "abbr", "def_list"])


@pytest.mark.parametrize("case", _params(SITE_SUBSET))
def test_site_build_is_safe(hostile_site, case: Case) -> None:
    index = SITE_SUBSET.index(case)
    content = hostile_site.content(f"Main/Case{index}.trope")
    for heading in content.find_all("h1"):  # the page's own title heading (not from the case)
        heading.decompose()
    _check(str(content), case)
