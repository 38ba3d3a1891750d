"""Converted pages, cached across ``mkdocs serve`` rebuilds, converted in parallel on large cold builds.

An entry is reused while the file's stat (see :func:`_stat_key`) and the conversion settings are unchanged;
anything else reconverts, so an edit, a config change or a new version of the package never serves stale output.
Diagnostics are reported when a page is converted, so an unchanged page does not repeat them on every rebuild.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .files import TropeFile
from .markup import ConvertOptions, Diagnostic, MetaValue, OutlineItem, convert, list_items_mentioning
from .markup.frontmatter import read_front_matter
from .markup.html import HtmlDocument
from .markup.source import DecodeProblem, decode
from .names import PageName
from .nav import subpage_candidates
from .pages import page_name_for

_REDIRECT_MARK = re.compile(r"\[\[redirect:", re.IGNORECASE)

PARALLEL_THRESHOLD = 200
"""Below this many pages to convert, a process pool costs more than it saves."""

BATCH = 16
"""Pages per task sent to the worker: each task costs a future, two pickles and wake-ups of the pool's threads,
which take the interpreter lock from the rendering thread."""


@dataclass(frozen=True)
class Converted:
    """What a build needs of one page's conversion: of its links only the distinct targets (a large wiki has
    millions of links, and every live object lengthens the garbage collector's walks); of its outline only the
    list items that may name subpages or are members of an ``[[index]]``."""

    key: tuple[Any, ...]
    body: str | None
    """The page's Markdown (never its front matter); None in the cache of a one-off build once MkDocs has read it."""
    meta: tuple[tuple[str, MetaValue], ...]
    """The front matter values the page may set, checked; the title among them."""
    outline: tuple[OutlineItem, ...]
    redirect: PageName | None
    diagnostics: tuple[Diagnostic, ...]
    title: str | None
    """The page's own title from its front matter, if it sets one."""
    decode_problem: DecodeProblem | None = None
    if_page_exists: tuple[tuple[PageName, Diagnostic], ...] = ()
    """Diagnostics to report only if their page exists (see :attr:`mkdocs_trope.markup.Conversion.if_page_exists`)."""
    links: tuple[PageName, ...] = ()
    """Each page the page links to, as written, once (the site model's link graph is built from them)."""
    redirect_line: int = 0
    html: HtmlDocument | None = None
    """The body straight as HTML, for the exact shortcut; let go with ``body``."""


Report = Callable[[TropeFile, Converted], None]


@dataclass(frozen=True)
class Sketch:
    """What navigation and titles need of a page before its conversion is done."""

    outline: tuple[OutlineItem, ...]
    """At least the list items that may link to the page's subpages."""
    title: str | None
    redirect: PageName | None = None
    redirect_line: int = 0


class ConversionCache:
    """Conversions by ``src_uri``; lives on the plugin instance, which MkDocs keeps across serve rebuilds.

    On a large one-off build, pages that need converting go to a worker process while MkDocs renders the pages
    already done: conversion then costs almost no wall time on a machine with two cores. Navigation cannot wait,
    so it is built from :class:`Sketch` es: the few list items that can name subpages, parsed exactly as a full
    conversion would.
    """

    def __init__(self) -> None:
        self._entries: dict[str, Converted] = {}
        self._pending: dict[str, tuple[Future[list[Converted]], int]] = {}
        """Pages being converted by the worker: the task converting each, and the page's place in it."""
        self._pool: ProcessPoolExecutor | None = None
        self._batches: deque[tuple[Future[list[Converted]], list[TropeFile], list[_Job]]] = deque()
        """Tasks sent to the worker, in order, with what they convert (to convert here instead)."""
        self.seconds = 0.0
        """Time spent converting (or waiting for a conversion) since :meth:`start_build` (for benchmarks)."""
        self.count = 0
        self.converted: set[str] = set()
        """Pages converted (not reused) since :meth:`start_build`: only their diagnostics have been reported."""
        self.reused: set[str] = set()
        self.in_background = 0
        """Pages handed to the worker process in this build."""
        self.keeps_bodies = True
        """Whether the cache keeps each page's Markdown once MkDocs has read it. Only a later ``serve`` rebuild can
        use it again; a one-off build of a large wiki would otherwise hold all of it twice (MkDocs keeps its own
        copy on each page) until the end."""

    def start_build(self, options: ConvertOptions, settings_key: str, report: Report) -> None:
        self.finish()
        self._options = options
        self._settings_key = settings_key
        self._report = report
        self.seconds = 0.0
        self.count = 0
        self.converted = set()
        self.reused = set()
        self.in_background = 0

    def prepare(self, files: Iterable[TropeFile], background: bool) -> dict[str, Sketch]:
        """Start converting what changed; return every page's sketch."""
        files = list(files)
        self._entries = {f.src_uri: self._entries[f.src_uri] for f in files if f.src_uri in self._entries}
        keys = {file.src_uri: self._key(file) for file in files}
        missing = [f for f in files if (hit := self._entries.get(f.src_uri)) is None or hit.key != keys[f.src_uri]]
        self.reused = {f.src_uri for f in files} - {f.src_uri for f in missing}
        sketches: dict[str, Sketch] = {}
        if background and len(missing) >= PARALLEL_THRESHOLD and _can_fork():
            workers = max(1, (os.cpu_count() or 1) - 1)  # the main process keeps rendering pages meanwhile
            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
            self.in_background = len(missing)
            for start in range(0, len(missing), BATCH):  # in file order: the order MkDocs renders in
                batch = missing[start : start + BATCH]
                jobs = [(keys[file.src_uri], file.read_source_bytes(), _page_name(file)) for file in batch]
                task = self._pool.submit(_converted_batch, jobs, self._options)
                self._batches.append((task, batch, jobs))
                for place, (file, (_, data, name)) in enumerate(zip(batch, jobs, strict=True)):
                    self._pending[file.src_uri] = (task, place)
                    sketches[file.src_uri] = _sketch(data, name, self._options)
        for file in files:
            if file.src_uri not in sketches:
                entry = self.get(file)
                sketches[file.src_uri] = Sketch(entry.outline, entry.title, entry.redirect, entry.redirect_line)
        return sketches

    def get(self, file: TropeFile) -> Converted:
        pending = self._pending.pop(file.src_uri, None)
        if pending is not None:
            started = time.perf_counter()
            task, place = pending
            while not task.done() and self._convert_a_queued_batch():
                pass  # the worker is behind: this process converts pages the worker has not started
            entry = task.result()[place]
            self._let_go_of_finished_batches()
            self._store(file, entry, time.perf_counter() - started)
            return entry
        key = self._key(file)
        cached = self._entries.get(file.src_uri)
        if cached is not None and cached.key == key and cached.body is not None:
            return cached
        started = time.perf_counter()
        entry = _converted(key, file.read_source_bytes(), _page_name(file), self._options)
        if cached is None or cached.key != key:  # else read again after its body was let go: reported already
            self._store(file, entry, time.perf_counter() - started)
        return entry

    def read(self, file: TropeFile) -> Converted:
        """The whole conversion, for MkDocs reading the page; unless :attr:`keeps_bodies`, the cache then lets the
        page's Markdown go (MkDocs keeps its own copy)."""
        entry = self.get(file)
        if not self.keeps_bodies and entry.body is not None:
            self._entries[file.src_uri] = replace(entry, body=None, html=None)
        return entry

    def _let_go_of_finished_batches(self) -> None:
        """A batch's results (every page's Markdown and HTML) live as long as its task: keep no task all of
        whose pages have been taken."""
        batches = self._batches
        while batches and batches[0][0].done() and not any(f.src_uri in self._pending for f in batches[0][1]):
            batches.popleft()

    def _convert_a_queued_batch(self) -> bool:
        """Take back the first batch the worker has not started and convert it here; False if there is none.

        Once pages render faster than one worker converts them, this process would otherwise sit waiting. The
        first batch not started is the one needed soonest, so few converted pages wait in memory for MkDocs.
        """
        while self._batches:
            task, files, jobs = self._batches.popleft()
            if not task.cancel():
                continue  # running or done in the worker
            started = time.perf_counter()
            for file, (key, data, name) in zip(files, jobs, strict=True):
                self._pending.pop(file.src_uri, None)
                entry = _converted(key, data, name, self._options)
                self._store(file, entry, time.perf_counter() - started)
                started = time.perf_counter()
            return True
        return False

    def entry(self, src_uri: str) -> Converted | None:
        return self._entries.get(src_uri)

    def snapshot(self) -> dict[str, Converted]:
        """Every conversion held, for a tool that keeps them between runs (``mkdocs-trope export``)."""
        return dict(self._entries)

    def restore(self, entries: dict[str, Converted]) -> None:
        """Take back a :meth:`snapshot`; an entry is still reused only while its file and settings match its key."""
        self._entries.update(entries)

    def finish(self) -> None:
        """Stop the worker: at the end of a build, or when a build fails half way."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
        self._pending.clear()
        self._batches.clear()

    def _store(self, file: TropeFile, entry: Converted, seconds: float) -> None:
        self.seconds += seconds
        self.count += 1
        self.converted.add(file.src_uri)
        self._entries[file.src_uri] = entry
        self._report(file, entry)

    def _key(self, file: TropeFile) -> tuple[Any, ...]:
        if file.abs_src_path is None:
            data = file.read_source_bytes()
            return ((len(data), hash(data)), self._settings_key)
        return (_stat_key(Path(file.abs_src_path).stat()), self._settings_key)


def _sketch(data: bytes, name: str, options: ConvertOptions) -> Sketch:
    text, _ = decode(data)
    redirect, redirect_line = None, 0
    if _REDIRECT_MARK.search(text):  # rare, and redirect pages are short: convert to find it exactly
        conversion = convert(text, options=options)
        redirect, redirect_line = conversion.redirect, conversion.redirect_line
    title = read_front_matter(text, options.front_matter_keys)[0].title
    return Sketch(list_items_mentioning(text, name), title, redirect, redirect_line)


def _stat_key(stat: os.stat_result) -> tuple[int, ...]:
    """What identifies a file's content without reading it.

    mtime and size alone are not enough: ``cp -p``, ``rsync -t``, ``tar`` and ``touch -r`` set the old mtime on
    new content, and an editor's save of the same length can keep it too. ctime cannot be set back by any of
    them (every write, rename or ``utime`` moves it to now), and the inode changes when an editor saves by
    writing a new file and renaming it over the old one.
    """
    return (stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino, stat.st_dev)


def _page_name(file: TropeFile) -> str:
    name = page_name_for(file.src_uri)
    return name.name if name else ""


def _converted(key: tuple[Any, ...], data: bytes, name: str, options: ConvertOptions) -> Converted:
    text, problem = decode(data)
    result = convert(text, options=options, html=True)
    return Converted(
        key,
        result.markdown,
        tuple(result.meta.items()),
        subpage_candidates(name, result.outline),
        result.redirect,
        result.diagnostics,
        title if isinstance(title := result.meta.get("title"), str) else None,
        problem,
        result.if_page_exists,
        tuple(dict.fromkeys(link.target for link in result.links)),
        result.redirect_line,
        result.html,
    )


_Job = tuple[tuple[Any, ...], bytes, str]
"""What converting one page takes: its cache key, its source and its page name."""


def _converted_batch(jobs: list[_Job], options: ConvertOptions) -> list[Converted]:
    return [_converted(key, data, name, options) for key, data, name in jobs]


def _can_fork() -> bool:
    """Forking is only safe (and only available) on POSIX from a process with no other threads running."""
    return hasattr(os, "fork") and threading.active_count() == 1
