"""Build real MkDocs sites in temporary directories and read the result with BeautifulSoup."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from tests.reference import CORPUS, REPO, SEED, SHARED

__all__ = ["CORPUS", "REPO", "SEED", "SHARED"]  # re-exported: reference pages are read via tests.reference


@dataclass
class Site:
    """A built site: its config, output directory and the log records of the build."""

    root: Path
    config: MkDocsConfig
    records: list[logging.LogRecord] = field(default_factory=list)

    @property
    def site_dir(self) -> Path:
        return Path(self.config.site_dir)

    def page_path(self, src: str) -> Path:
        """Output HTML of a source page such as ``Main/Foo.trope`` (either ``use_directory_urls``)."""
        stem = src.rsplit(".", 1)[0]
        if self.config.use_directory_urls and not stem.endswith("index"):
            return self.site_dir / stem / "index.html"
        return self.site_dir / f"{stem}.html"

    def soup(self, src: str) -> BeautifulSoup:
        return BeautifulSoup(self.page_path(src).read_text(encoding="utf-8"), "html.parser")

    def content(self, src: str) -> BeautifulSoup:
        """Only the page's article content (theme chrome removed), for assertions on rendered markup."""
        soup = self.soup(src)
        for selector in ("div.md-content article", "div[role=main]", "div.col-md-9[role=main]", "main"):
            found = soup.select_one(selector)
            if found is not None:
                return BeautifulSoup(str(found), "html.parser")
        return soup

    def messages(self, level: int = logging.INFO) -> list[str]:
        return [record.getMessage() for record in self.records if record.levelno >= level]

    def warnings(self) -> list[str]:
        return self.messages(logging.WARNING)


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def collect_logs() -> Iterator[list[logging.LogRecord]]:
    logger = logging.getLogger("mkdocs")
    handler = _Collector()
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def make_config(root: Path, files: dict[str, str | bytes], **settings: Any) -> Path:
    """Write ``docs/`` and an ``mkdocs.yml`` (plugins default to ``search`` + ``trope``)."""
    write_tree(root / "docs", files)
    data: dict[str, Any] = {"site_name": "Test wiki", "plugins": ["search", "trope"]}
    data.update(settings)
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return config_file


def run_build(
    config_file: Path, command: str = "build", **overrides: Any
) -> tuple[MkDocsConfig, list[logging.LogRecord]]:
    """Load ``config_file`` and build it with MkDocs' own ``build()``, started as ``mkdocs <command>`` starts it
    (``serve`` keeps the plugin converting in-process); raises as ``mkdocs build`` would."""
    config = load_config(str(config_file), **overrides)
    with collect_logs() as records:
        config.plugins.on_startup(command=command, dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return config, list(records)


def build_site(root: Path, files: dict[str, str | bytes], **settings: Any) -> Site:
    """Build a real site in ``root``; raises as ``mkdocs build`` would."""
    config, records = run_build(make_config(root, files, **settings))
    return Site(root, config, records)


def visible_text(soup: BeautifulSoup) -> str:
    """Text a reader sees (code removed), with whitespace collapsed."""
    for element in soup.find_all(["code", "pre", "script", "style"]):
        element.decompose()
    return " ".join(soup.get_text(" ").split())
