"""Converted pages, cached across ``mkdocs serve`` rebuilds, converted in parallel on large cold builds.

An entry is reused while the file's stat (see :func:`_stat_key`) and the conversion settings are unchanged;
anything else reconverts, so an edit, a config change or a new version of the package never serves stale output.
Diagnostics are reported when a page is converted, so an unchanged page does not repeat them on every rebuild.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .files import TropeFile
from .markup import Conversion, ConvertOptions, convert
from .markup.source import DecodeProblem, decode

PARALLEL_THRESHOLD = 200
"""Below this many pages to convert, a process pool costs more than it saves."""


@dataclass(frozen=True)
class Converted:
    key: tuple[Any, ...]
    result: Conversion
    title: str | None
    """The page's own title from its front matter, if it sets one."""
    decode_problem: DecodeProblem | None = None


Report = Callable[[TropeFile, Converted], None]


class ConversionCache:
    """Conversions by ``src_uri``; lives on the plugin instance, which MkDocs keeps across serve rebuilds."""

    def __init__(self) -> None:
        self._entries: dict[str, Converted] = {}
        self.seconds = 0.0
        """Time spent converting since :meth:`start_build` (for benchmarks)."""
        self.count = 0
        self.converted: set[str] = set()
        """Pages converted (not reused) since :meth:`start_build`: only their diagnostics have been reported."""

    def start_build(self, options: ConvertOptions, settings_key: str, report: Report) -> None:
        self._options = options
        self._settings_key = settings_key
        self._report = report
        self.seconds = 0.0
        self.count = 0
        self.converted = set()

    def get(self, file: TropeFile) -> Converted:
        key = self._key(file)
        cached = self._entries.get(file.src_uri)
        if cached is not None and cached.key == key:
            return cached
        started = time.perf_counter()
        entry = _converted(key, file.read_source_bytes(), self._options)
        self._store(file, entry, time.perf_counter() - started)
        return entry

    def convert_all(self, files: Iterable[TropeFile], parallel: bool) -> dict[str, Converted]:
        """Every page's conversion; misses run in a process pool when there are many and it is safe to fork."""
        files = list(files)
        self._entries = {f.src_uri: self._entries[f.src_uri] for f in files if f.src_uri in self._entries}
        keys = {file.src_uri: self._key(file) for file in files}
        missing = [f for f in files if (hit := self._entries.get(f.src_uri)) is None or hit.key != keys[f.src_uri]]
        if parallel and len(missing) >= PARALLEL_THRESHOLD and _can_fork():
            started = time.perf_counter()
            jobs = [(keys[f.src_uri], f.read_source_bytes(), self._options) for f in missing]
            workers = min(os.cpu_count() or 1, 8)
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                results = list(pool.map(_converted_job, jobs, chunksize=max(1, len(jobs) // (workers * 8))))
            share = (time.perf_counter() - started) / max(len(missing), 1)
            for file, entry in zip(missing, results, strict=True):
                self._store(file, entry, share)
        return {file.src_uri: self.get(file) for file in files}

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


def _stat_key(stat: os.stat_result) -> tuple[int, ...]:
    """What identifies a file's content without reading it.

    mtime and size alone are not enough: ``cp -p``, ``rsync -t``, ``tar`` and ``touch -r`` set the old mtime on
    new content, and an editor's save of the same length can keep it too. ctime cannot be set back by any of
    them (every write, rename or ``utime`` moves it to now), and the inode changes when an editor saves by
    writing a new file and renaming it over the old one.
    """
    return (stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, stat.st_ino, stat.st_dev)


def _converted(key: tuple[Any, ...], data: bytes, options: ConvertOptions) -> Converted:
    text, problem = decode(data)
    result = convert(text, options=options)
    return Converted(key, result, front_matter_title(result.front_matter), problem)


def _converted_job(job: tuple[tuple[Any, ...], bytes, ConvertOptions]) -> Converted:
    return _converted(*job)


def _can_fork() -> bool:
    """Forking is only safe (and only available) on POSIX from a process with no other threads running."""
    return hasattr(os, "fork") and threading.active_count() == 1


def front_matter_title(front_matter: str) -> str | None:
    if not front_matter:
        return None
    try:
        data = yaml.safe_load(front_matter.strip().strip("-").strip(".")) or {}
    except yaml.YAMLError:
        return None
    title = data.get("title") if isinstance(data, dict) else None
    return str(title) if title else None
