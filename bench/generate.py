"""Generate a synthetic wiki twice: in TV Tropes markup and as the equivalent plain Markdown.

Why two copies: the benchmarks report *ratios* (trope build / Markdown build, converter MB/s /
Python-Markdown MB/s). A ratio is only meaningful if both sides publish the same pages, the same links and the
same nav, so every page is first built as a tiny document model (blocks of inline nodes) and then written out
by two renderers.

Why deterministic: a seeded ``random.Random`` and no set/dict-order dependence, so two runs with the same
``--pages/--seed`` produce byte-identical sites and numbers from different machines or commits are comparable.

The pages imitate real TV Tropes pages (see ``/work/shared/seed``): trope pages in ``Main/`` with a
description full of WikiWords, potholes and free links, ``----``, ``!!Examples:`` and folders of examples by
medium; work pages in ``Film/``, ``Series/`` and ``Literature/`` listing tropes; some tropes split into
subpages with a subpage list.

Usage: ``python bench/generate.py --pages 250 --out /tmp/wiki [--seed 1] [--theme mkdocs|material]``
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# ---------------------------------------------------------------------------------------------- vocabulary


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_NAME_WORDS = _split(
    "heroic sacrifice villain mentor secret identity chosen hidden power evil twin dark lord love triangle "
    "rival sidekick lost city ancient prophecy magic sword robot uprising alien invasion time loop mad "
    "scientist ghost ship haunted house cursed crown dragon knight wizard tower broken promise final battle "
    "last stand silent protagonist reluctant hero mysterious stranger wise old fool comic relief red herring "
    "big bad small town double agent fake death false memory mirror world parallel universe secret base "
    "iron fist velvet glove golden age crystal heart shadow realm sky pirate space station royal guard "
    "brother sister mother father friend enemy monster machine empire rebel spirit curse blade storm fire "
    "ice thunder night dawn dream nightmare song dance feast funeral wedding journey return escape chase "
    "trial oath vow betrayal rescue redemption revenge gambit plan scheme trap puzzle riddle clue"
)
_SINGLE_TROPES = _split(
    "Masquerade Squick Robosexual Invoked Hypocrite Shipping Stalker Jerkass Deconstruction Reconstruction "
    "Foreshadowing Irony Tsundere Yandere Kuudere Dandere Chekhov Bishonen Moe Fanservice Flanderization "
    "Retcon Cliffhanger Catchphrase Doppelganger Hammerspace Technobabble Bowdlerise Narm Woobie Macguffin "
    "Mooks Metaphorgotten Plotline Sequelitis Spoonerism Malaproper Gonk Zeerust Homage Parody Satire"
)
_WORK_WORDS = _split(
    "crimson harbor silver moon iron coast glass garden northern lights broken clock hollow crown quiet "
    "river burning city paper tiger falling star winter palace summer storm forgotten road endless night "
    "scarlet letter stone bridge velvet sky copper kingdom emerald tide lonely planet wild hunt black "
    "orchid white rabbit grey wolf amber eye ivory tower"
)
_SINGLE_WORKS = _split(
    "Nightfall Ironclad Starfall Wayfarer Moonrise Riverrun Evergreen Brightwater Harrowgate Duskwood "
    "Ashenvale Thornfield Greywater Blackmoor Silverlake Ravenhill Stormhold Westmarch Eastwatch Highgarden"
)
_PROSE = _split(
    "the a an this that their his her its every some many most few other same whole entire usual odd "
    "character story hero heroine villain plot scene episode chapter reader audience author writer show "
    "series film novel season finale moment twist ending reveal relationship world city team crew family "
    "is was becomes turns seems finds leaves takes gives makes keeps meets loses wins fights saves betrays "
    "quickly slowly finally suddenly eventually clearly openly quietly rarely always never often "
    "with without against because although while after before during until despite through around "
    "and but or so yet also even still only just really almost nearly probably apparently "
    "strange obvious bitter happy tragic hilarious brutal gentle clever stupid loyal cruel kind brave "
    "first second last next final early late old young new small big long short"
)
_NAMES = _split("Alice Marcus Priya Tomas Yuki Elena Omar Sven Ingrid Dmitri Leila Hugo Mara Felix Noor")
_ONE_WORD_SUBPAGES = ("Film", "Literature", "Music", "Theatre", "Webcomics", "Advertising", "Fanfic")
_MULTI_WORD_SUBPAGES = (
    "AnimeAndManga", "ComicBooks", "LiveActionTV", "TabletopGames", "VideoGames", "WesternAnimation",
    "WebOriginal", "MythologyAndReligion", "VisualNovels", "MusicVideos",
)
_NESTED_SUBPAGES = {
    "TabletopGames": "DungeonsAndDragons", "VideoGames": "RolePlayingGames", "LiveActionTV": "SoapOperas",
    "Literature": "FairyTales", "AnimeAndManga": "MagicalGirlSeries",
}
# Folder title -> (namespace of the generated works its examples cite, namespace used for its few red links).
# Only Film/Series/Literature pages are generated, so other media borrow those works to keep red links rare.
_MEDIA = (
    ("Films — Animation", "Film", "Film"), ("Films — Live-Action", "Film", "Film"),
    ("Literature", "Literature", "Literature"), ("Live-Action TV", "Series", "Series"),
    ("Anime and Manga", "Series", "Anime"), ("Web Original", "Series", "WebVideo"),
    ("Fan Works", "Literature", "FanFic"), ("Comic Books", "Literature", "ComicBook"),
    ("Video Games", "Series", "VideoGame"), ("Tabletop Games", "Literature", "TabletopGame"),
    ("Western Animation", "Film", "WesternAnimation"), ("Music", "Literature", "Music"),
)
WORK_NAMESPACES = ("Film", "Series", "Literature")

# ------------------------------------------------------------------------------------------- document model
# Inline nodes: a str is literal text; tuples are ("em"|"strong"|"spoiler"|"note", [children]) or
# ("link", page_key, display, form) with form "auto" (WikiWord / NS/Word / {{Word}}), "free" ({{words}}suffix)
# or "pothole" ([[Target display]]). Blocks are tuples whose first item names the kind (see the renderers).
Inline = Any
Block = tuple


def spaced(word: str) -> str:
    """Display text of a page name (PmWiki ``AsSpaced`` for our all-lowercase-after-capital names)."""
    out = []
    for i, ch in enumerate(word):
        if i and ch.isupper() and (word[i - 1].islower() or (i + 1 < len(word) and word[i + 1].islower())):
            out.append(" ")
        out.append(ch)
    return "".join(out)


def _is_wikiword(name: str) -> bool:
    return sum(ch.isupper() for ch in name) >= 2


@dataclass
class Wiki:
    """The page set: who exists, who is missing (red links), which tropes are split into subpages."""

    tropes: list[str] = field(default_factory=list)
    works: dict[str, list[str]] = field(default_factory=dict)
    splits: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)  # trope -> (sub, parent)
    missing_tropes: list[str] = field(default_factory=list)
    missing_works: list[str] = field(default_factory=list)

    def existing(self) -> set[str]:
        keys = {f"Main/{t}" for t in self.tropes}
        keys |= {f"{ns}/{w}" for ns, ws in self.works.items() for w in ws}
        keys |= {f"{t}/{s}" for t, subs in self.splits.items() for s, _ in subs}
        return keys


class _Names:
    """Unique page names (case-insensitively unique, as TV Tropes resolves names case-insensitively)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.seen: set[str] = set()

    def _take(self, name: str) -> str | None:
        if name.lower() in self.seen:
            return None
        self.seen.add(name.lower())
        return name

    def multi(self, words: tuple[str, ...] | list[str], lo: int, hi: int, prefix: str = "") -> str:
        while True:
            parts = self.rng.sample(words, self.rng.randint(lo, hi))
            if name := self._take(prefix + "".join(p.capitalize() for p in parts)):
                return name

    def single(self, pool: list[str]) -> str | None:
        while pool:
            if name := self._take(pool.pop(self.rng.randrange(len(pool)))):
                return name
        return None


def plan_wiki(pages: int, rng: random.Random) -> Wiki:
    """Decide the page set: ~70% tropes, ~20% works, ~10% subpages of split tropes."""
    if pages < 20:
        raise ValueError("need at least 20 pages (every work namespace must have a page)")
    names = _Names(rng)
    wiki = Wiki(works={ns: [] for ns in WORK_NAMESPACES})
    single_tropes, single_works = list(_SINGLE_TROPES), list(_SINGLE_WORKS)
    for i in range(round(pages * 0.2)):
        ns = WORK_NAMESPACES[i % len(WORK_NAMESPACES)]
        single = rng.random() < 0.2 and names.single(single_works)
        wiki.works[ns].append(single or names.multi(_WORK_WORDS, 2, 3, prefix=rng.choice(("The", ""))))
    n_sub_target = max(1, round(pages * 0.1))
    n_sub = 0
    while not wiki.splits or n_sub_target - n_sub >= 3:
        trope = names.multi(_NAME_WORDS, 2, 3)
        k = min(rng.randint(3, 8), max(2, n_sub_target - n_sub - 1))
        media = rng.sample(_ONE_WORD_SUBPAGES + _MULTI_WORD_SUBPAGES, k)
        if not wiki.splits and "TabletopGames" not in media:
            media[0] = "TabletopGames"  # the first split always has a nested subpage, as the seed page does
        subs: list[tuple[str, str | None]] = [(m, None) for m in media]
        nestable = [m for m in media if m in _NESTED_SUBPAGES]
        if nestable and n_sub + k < n_sub_target and (not wiki.splits or rng.random() < 0.6):
            parent = nestable[0]
            subs.append((_NESTED_SUBPAGES[parent], parent))
        wiki.splits[trope] = subs
        wiki.tropes.append(trope)
        n_sub += len(subs)
    while len(wiki.tropes) + sum(map(len, wiki.works.values())) + n_sub < pages:
        single = rng.random() < 0.06 and names.single(single_tropes)
        wiki.tropes.append(single or names.multi(_NAME_WORDS, 2, 4))
    wiki.missing_tropes = [names.multi(_NAME_WORDS, 2, 3) for _ in range(max(5, pages // 20))]
    wiki.missing_works = [names.multi(_WORK_WORDS, 2, 2, prefix="The") for _ in range(max(3, pages // 40))]
    return wiki


# ---------------------------------------------------------------------------------------------- page content


class _Writer:
    """Builds the blocks of one page from the wiki plan; all randomness flows through ``rng``."""

    def __init__(self, wiki: Wiki, rng: random.Random, page: str) -> None:
        self.wiki, self.rng, self.page = wiki, rng, page

    # -- inline pieces
    def trope_link(self, form: str | None = None) -> Inline:
        rng = self.rng
        missing = rng.random() < 0.04
        name = rng.choice(self.wiki.missing_tropes if missing else self.wiki.tropes)
        if f"Main/{name}" == self.page:
            name = self.wiki.tropes[0]
        form = form or rng.choices(("auto", "pothole", "free"), (6, 3, 1))[0]
        if form == "pothole":
            return ("link", f"Main/{name}", " ".join(self.words(2, 5)), "pothole")
        if form == "free" and _is_wikiword(name):
            words = spaced(name)
            words = words.lower() if rng.random() < 0.5 else words
            return ("link", f"Main/{name}", words + "s", "free")
        return ("link", f"Main/{name}", spaced(name), "auto")

    def work_link(self, ns: str | None = None, red_ns: str | None = None, name: str | None = None) -> Inline:
        """An italic work link; 5% of them point at a page that does not exist."""
        ns = ns or self.rng.choice(WORK_NAMESPACES)
        if self.rng.random() < 0.05:
            ns, name = red_ns or ns, self.rng.choice(self.wiki.missing_works)
        name = name or self.rng.choice(self.wiki.works[ns])
        return ("em", [("link", f"{ns}/{name}", spaced(name), "auto")])

    def words(self, lo: int, hi: int) -> list[str]:
        return [self.rng.choice(_PROSE) for _ in range(self.rng.randint(lo, hi))]

    def sentence(self, links: float = 1.0, extras: bool = True) -> list[Inline]:
        """One sentence of filler prose with links and emphasis sprinkled in."""
        rng = self.rng
        words = self.words(8, 20)
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), rng.choice(_NAMES))
        out: list[Inline] = [words[0].capitalize()]
        for w in words[1:]:
            roll = rng.random()
            if roll < 0.08 * links:
                out += [" ", self.trope_link()]
            elif roll < 0.10 * links:
                out += [" ", self.work_link()]
            elif extras and roll < 0.13:
                out += [" ", (rng.choice(("em", "strong")), [" ".join(self.words(1, 3))])]
            elif extras and roll < 0.14:
                out.append(" --")  # spaced em dash: " -- " in trope, " — " in Markdown
            out += [" ", w]
        out.append(rng.choice((".", ".", ".", "!", "?")))
        return out

    def sentences(self, lo: int, hi: int, links: float = 1.0) -> list[Inline]:
        out: list[Inline] = []
        for i in range(self.rng.randint(lo, hi)):
            out += ([" "] if i else []) + self.sentence(links)
        return out

    def example(self, lead: Inline | None) -> list[Inline]:
        """An example's text: optional lead (work link or trope link), prose, maybe a spoiler or a note."""
        rng = self.rng
        text: list[Inline] = [lead, ": "] if lead is not None else []
        text += self.sentences(1, 3)
        if rng.random() < 0.25:
            inner: list[Inline] = [" ".join(self.words(3, 8))]
            if rng.random() < 0.4:
                inner += [" ", self.trope_link("pothole")]
            text += [" ", ("spoiler", inner), "."]
        if rng.random() < 0.06:
            text += [("note", [" ".join(self.words(4, 10)).capitalize() + "."])]
        return text

    # -- blocks
    def header(self) -> list[Block]:
        rng, blocks = self.rng, []
        if rng.random() < 0.2:
            blocks.append(("comment", "Image selected per Image Pickin' thread. Please do not change it."))
        if rng.random() < 0.3:
            slug = self.page.split("/")[-1].lower()
            caption = [" ".join(self.words(3, 6)).capitalize(), " ", ("em", [" ".join(self.words(1, 3))])]
            url = f"https://example.org/img/{slug}_{rng.randrange(10**4)}.png"
            blocks.append(("image", url, 350, caption))
        if rng.random() < 0.4:
            quote = ('"' + " ".join(self.words(6, 14)).capitalize() + '."')
            blocks.append(("pagequote", quote, [rng.choice(_NAMES), ", ", self.work_link()]))
        return blocks

    def example_list(self, leads: list[Inline | None]) -> list[tuple[int, list[Inline], str | None]]:
        items: list[tuple[int, list[Inline], str | None]] = []
        for lead in leads:
            quote = '"' + " ".join(self.words(5, 12)).capitalize() + '."' if self.rng.random() < 0.1 else None
            items.append((1, self.example(lead), quote))
            for _ in range(self.rng.choice((0, 0, 0, 1, 2))):
                items.append((2, self.example(None), None))
        return items

    def fill_folders(self, blocks: list[Block], target: int, media: list[tuple[str, str, str]]) -> None:
        """Append folders of examples (distinct works) until the page reaches ``target`` bytes."""
        for title, ns, red_ns in media:
            if estimate(blocks) >= target:
                break
            pool = self.wiki.works[ns]
            names = sorted(self.rng.sample(pool, min(len(pool), self.rng.randint(3, 10))))
            leads = [self.work_link(ns, red_ns, name) for name in names]
            blocks.append(("folder", title, [("list", self.example_list(leads))]))


def estimate(blocks: list[Block]) -> int:
    return len(render_trope(blocks).encode())


def trope_page(wiki: Wiki, rng: random.Random, name: str, target: int) -> list[Block]:
    w = _Writer(wiki, rng, f"Main/{name}")
    blocks = w.header()
    blocks += [("para", w.sentences(2, 5)) for _ in range(rng.randint(2, 4))]
    if name in wiki.splits:
        items = []
        for sub, parent in sorted(wiki.splits[name], key=lambda s: (s[1] or s[0], s[1] is not None)):
            items.append((2 if parent else 1, [("link", f"{name}/{sub}", spaced(sub), "auto")], None))
        return [*blocks, ("hr",), ("list", items)]
    blocks += [("hr",), ("heading", 2, "Examples:"), ("foldercontrol",)]
    media = rng.sample(_MEDIA, len(_MEDIA))
    w.fill_folders(blocks, target, media)
    return blocks


def subpage(wiki: Wiki, rng: random.Random, trope: str, sub: str, target: int) -> list[Block]:
    w = _Writer(wiki, rng, f"{trope}/{sub}")
    intro = ["Examples of ", ("link", f"Main/{trope}", spaced(trope), "auto"), f" in {spaced(sub)}:"]
    blocks: list[Block] = [("para", [*intro, " ", *w.sentences(1, 2)]), ("foldercontrol",)]
    ranges = ("A to C", "D to F", "G to I", "J to L", "M to O", "P to R", "S to U", "V to Z")
    groups = [(f"{spaced(sub)}: {x}", ns, ns) for x in ranges for ns in [rng.choice(WORK_NAMESPACES)]]
    w.fill_folders(blocks, target, groups)
    return blocks


def work_page(wiki: Wiki, rng: random.Random, ns: str, name: str, target: int) -> list[Block]:
    w = _Writer(wiki, rng, f"{ns}/{name}")
    blocks = w.header()
    kind = {"Film": "film", "Series": "television series", "Literature": "novel"}[ns]
    first = [("em", [spaced(name)]), f" is a {rng.randint(1950, 2024)} {kind} by {rng.choice(_NAMES)}. "]
    blocks += [("para", first + w.sentences(1, 3))]
    blocks += [("para", w.sentences(2, 4)) for _ in range(rng.randint(0, 2))]
    blocks += [("hr",), ("heading", 2, "This work provides examples of:"), ("foldercontrol",)]
    for title in ("Tropes A to F", "Tropes G to M", "Tropes N to S", "Tropes T to Z"):
        if estimate(blocks) >= target:
            break
        names = sorted(rng.sample(wiki.tropes, min(len(wiki.tropes), rng.randint(6, 14))), key=str.lower)
        leads: list[Inline] = [("link", f"Main/{t}", spaced(t), "auto") for t in names]
        blocks.append(("folder", title, [("list", w.example_list(leads))]))
    return blocks


# ---------------------------------------------------------------------------------------------- renderers


def _trope_target(key: str) -> str:
    ns, name = key.split("/", 1)
    word = name if _is_wikiword(name) else "{{" + name + "}}"
    return word if ns == "Main" else f"{ns}/{word}"


def trope_inline(nodes: list[Inline]) -> str:
    out = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
            continue
        kind = node[0]
        if kind == "link":
            _, key, display, form = node
            if form == "pothole":
                out.append(f"[[{_trope_target(key)} {display}]]")
            elif form == "free":
                out.append("{{" + display[:-1] + "}}s")
            else:
                out.append(_trope_target(key))
        elif kind == "em":
            out.append(f"''{trope_inline(node[1])}''")
        elif kind == "strong":
            out.append(f"'''{trope_inline(node[1])}'''")
        elif kind == "spoiler":
            out.append(f"[[spoiler:{trope_inline(node[1])}]]")
        elif kind == "note":
            out.append(f"[[note]]{trope_inline(node[1])}[[/note]]")
    return "".join(out)


def render_trope(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        kind = b[0]
        if kind == "comment":
            out.append(f"%% {b[1]}")
        elif kind == "image":
            out.append(f"[[quoteright:{b[2]}:{b[1]}]]")
            out.append(f"[[caption-width-right:{b[2]}:{trope_inline(b[3])}]]")
        elif kind == "pagequote":
            out += [f"->''{b[1]}''", f"-->-- '''{trope_inline(b[2][:1])}'''{trope_inline(b[2][1:])}", ""]
        elif kind == "para":
            out += [trope_inline(b[1]), ""]
        elif kind == "hr":
            out.append("----")
        elif kind == "heading":
            out.append("!" * b[1] + b[2])
        elif kind == "foldercontrol":
            out += ["[[foldercontrol]]", ""]
        elif kind == "folder":
            out += [f"[[folder:{b[1]}]]", render_trope(b[2]).rstrip("\n"), "[[/folder]]", ""]
        elif kind == "list":
            for depth, text, quote in b[1]:
                out.append("*" * depth + " " + trope_inline(text))
                if quote:
                    out.append("-" * (depth + 1) + f">''{quote}''")
    return "\n".join(out).rstrip("\n") + "\n"


def markdown_inline(nodes: list[Inline], existing: set[str]) -> str:
    out = []
    for node in nodes:
        if isinstance(node, str):
            out.append(" —" if node == " --" else node)
            continue
        kind, children = node[0], node[1]
        if kind == "link":
            _, key, display, _form = node
            if key in existing:
                out.append(f"[{display}](../{key}.md)")
            else:
                out.append(f'<span class="redlink" title="{key} does not exist yet">{display}</span>')
        elif kind == "em":
            out.append(f"*{markdown_inline(children, existing)}*")
        elif kind == "strong":
            out.append(f"**{markdown_inline(children, existing)}**")
        elif kind == "spoiler":
            out.append(f'<span class="spoiler">{markdown_inline(children, existing)}</span>')
        elif kind == "note":
            body = markdown_inline(children, existing)
            out.append(f'<span class="tvt-note"><button type="button" class="notelabel">note</button>'
                       f'<span class="notebody">{body}</span></span>')
    return "".join(out)


def render_markdown(blocks: list[Block], existing: set[str]) -> str:
    out: list[str] = []
    for b in blocks:
        kind = b[0]
        if kind == "image":
            caption = markdown_inline(b[3], existing)
            out += [f'<figure class="quoteright" style="width:{b[2]}px" markdown="1">', f"![]({b[1]})",
                    f'<figcaption markdown="1">{caption}</figcaption>', "</figure>", ""]
        elif kind == "pagequote":
            out += ['<div class="indent" markdown="1">', f"*{b[1]}*",
                    f'<div class="indent" markdown="1">— **{markdown_inline(b[2][:1], existing)}**'
                    f"{markdown_inline(b[2][1:], existing)}</div>", "</div>", ""]
        elif kind == "para":
            out += [markdown_inline(b[1], existing), ""]
        elif kind == "hr":
            out += ["---", ""]
        elif kind == "heading":
            out += ["#" * (b[1] + 1) + " " + b[2], ""]  # the plugin's default heading_shift: !! is <h3>
        elif kind == "foldercontrol":
            out += ['<button class="foldercontrol" type="button">Open/close all folders</button>', ""]
        elif kind == "folder":
            out += ['<details class="folder" markdown="1">', f"<summary>{b[1]}</summary>", "",
                    render_markdown(b[2], existing).rstrip("\n"), "", "</details>", ""]
        elif kind == "list":
            for depth, text, quote in b[1]:
                pad = "    " * (depth - 1)
                out.append(f"{pad}* {markdown_inline(text, existing)}")
                if quote:
                    out.append(f'{pad}    <div class="indent"><em>{quote}</em></div>')
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------------------------------------- site


@dataclass(frozen=True)
class SiteInfo:
    """What ``generate_site`` wrote: the two config files and the byte totals (for MB/s figures)."""

    root: Path
    pages: int
    trope_config: Path
    markdown_config: Path
    trope_bytes: int
    markdown_bytes: int

    def trope_sources(self) -> list[Path]:
        return sorted((self.root / "trope" / "docs").rglob("*.trope"))

    def markdown_sources(self) -> list[Path]:
        return sorted((self.root / "markdown" / "docs").rglob("*.md"))


def build_nav(wiki: Wiki, ext: str) -> list[dict[str, Any]]:
    """Namespaces as sections (Main first), pages sorted by title, subpages nested under their trope."""

    def entry(key: str) -> dict[str, Any]:
        return {spaced(key.split("/", 1)[1]): f"{key}.{ext}"}

    main: list[dict[str, Any]] = []
    for trope in sorted(wiki.tropes, key=lambda t: spaced(t).lower()):
        if trope not in wiki.splits:
            main.append(entry(f"Main/{trope}"))
            continue
        subs = wiki.splits[trope]
        children: list[dict[str, Any]] = [entry(f"Main/{trope}")]
        for sub, _ in sorted((s for s in subs if s[1] is None), key=lambda s: spaced(s[0]).lower()):
            nested = [entry(f"{trope}/{n}") for n, parent in subs if parent == sub]
            if nested:
                children.append({spaced(sub): [entry(f"{trope}/{sub}"), *nested]})
            else:
                children.append(entry(f"{trope}/{sub}"))
        main.append({spaced(trope): children})
    nav = [{"Main": main}]
    for ns in sorted(wiki.works):
        works = sorted(wiki.works[ns], key=lambda w: spaced(w).lower())
        nav.append({ns: [entry(f"{ns}/{w}") for w in works]})
    return nav


def _write_config(path: Path, theme: str, extra: dict[str, Any], nav: list[dict[str, Any]]) -> None:
    config = {"site_name": "Trope Bench Wiki", "theme": {"name": theme}, **extra, "nav": nav}
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")


def generate_site(out_dir: str | Path, pages: int, seed: int = 1, theme: str = "mkdocs") -> SiteInfo:
    """Write ``out_dir/trope`` and ``out_dir/markdown``, each a site (``mkdocs.yml`` + ``docs/``)."""
    root = Path(out_dir)
    rng = random.Random(seed)
    wiki = plan_wiki(pages, rng)
    existing = wiki.existing()
    keys = [f"Main/{t}" for t in wiki.tropes]
    keys += [f"{t}/{sub}" for t in wiki.tropes for sub, _ in wiki.splits.get(t, [])]
    keys += [f"{ns}/{w}" for ns in WORK_NAMESPACES for w in wiki.works[ns]]
    for sub in ("trope", "markdown"):
        shutil.rmtree(root / sub, ignore_errors=True)
    totals = {"trope": 0, "markdown": 0}
    for key in keys:
        # One random stream per page: a change to one page's generator never shifts every later page.
        page_rng = random.Random(f"{seed}:{key}")
        target = round(math.exp(page_rng.uniform(math.log(2000), math.log(17000))))
        ns, name = key.split("/", 1)
        if ns == "Main":
            blocks = trope_page(wiki, page_rng, name, target)
        elif ns in WORK_NAMESPACES:
            blocks = work_page(wiki, page_rng, ns, name, target)
        else:
            blocks = subpage(wiki, page_rng, ns, name, target)
        for sub, ext, text in (("trope", "trope", render_trope(blocks)),
                               ("markdown", "md", f"# {spaced(name)}\n\n" + render_markdown(blocks, existing))):
            path = root / sub / "docs" / f"{key}.{ext}"
            path.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            path.write_bytes(data)
            totals[sub] += len(data)
    trope_config = root / "trope" / "mkdocs.yml"
    markdown_config = root / "markdown" / "mkdocs.yml"
    _write_config(trope_config, theme, {"plugins": ["trope"]}, build_nav(wiki, "trope"))
    _write_config(markdown_config, theme, {"plugins": [], "markdown_extensions": ["md_in_html"]},
                  build_nav(wiki, "md"))
    return SiteInfo(root, len(keys), trope_config, markdown_config, totals["trope"], totals["markdown"])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, required=True, help="number of pages (>= 20)")
    parser.add_argument("--out", type=Path, required=True, help="output directory (trope/ and markdown/)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--theme", choices=("mkdocs", "material"), default="mkdocs")
    args = parser.parse_args(argv)
    info = generate_site(args.out, args.pages, args.seed, args.theme)
    print(f"{info.pages} pages: {info.trope_bytes / 1e6:.2f} MB trope ({info.trope_config}), "
          f"{info.markdown_bytes / 1e6:.2f} MB Markdown ({info.markdown_config})")


if __name__ == "__main__":
    main()
