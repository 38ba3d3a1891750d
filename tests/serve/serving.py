"""A real ``mkdocs serve --livereload`` in a subprocess, and bounded polling of what it serves.

The tests edit files on disk and then poll the server until the HTML shows the change, the way a writer
watching the browser would. Only ``127.0.0.1`` is ever contacted, through an opener without proxies (an
``http_proxy`` in the environment must not send loopback requests elsewhere).

MkDocs' dev server holds every page request while a rebuild is under way, so once one page shows an edit,
any page fetched afterwards comes from that rebuild or a later one: a single fetch of an unchanged page is
enough to tell whether it is current. A failed rebuild leaves requests held forever, which is why every
request has a timeout and every wait a deadline.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Tag

HOST = "127.0.0.1"
REQUEST_TIMEOUT = 10.0
"""Seconds one request may take; requests are held while a rebuild runs."""
STARTUP_SECONDS = 60.0
"""Bound for the first build and the server answering (generous: a loaded CI machine)."""
WAIT_SECONDS = 20.0
"""Bound for an edit to show up in the served HTML."""
POLL_STEP = 0.2
STOP_SECONDS = 10.0
START_ATTEMPTS = 3
"""Another process may take the free port between choosing it and the server binding it."""

_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))

Check = Callable[[BeautifulSoup], bool]


class ServeError(AssertionError):
    """The server did not start, died, or never served what a test waited for (with its log attached)."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@dataclass
class ServedSite:
    """A running ``mkdocs serve`` for the site in ``root`` (``docs/`` and ``mkdocs.yml``)."""

    root: Path
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    # ----------------------------------------------------------------------------------------- editing

    def write(self, relative: str, content: str | bytes) -> None:
        """Write a file under ``docs/`` (parents created), as an editor saving it would."""
        path = self.docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    def remove(self, relative: str) -> None:
        (self.docs / relative).unlink()

    def move(self, source: str, target: str) -> None:
        """Rename within ``docs/``; a rename keeps the file's mtime and size."""
        destination = self.docs / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        (self.docs / source).rename(destination)

    # ---------------------------------------------------------------------------------------- fetching

    def fetch(self, path: str) -> tuple[int, str]:
        """``(status, body)`` of ``GET path``; status 0 when the server did not answer in time."""
        try:
            with _OPENER.open(f"http://{HOST}:{self.port}{path}", timeout=REQUEST_TIMEOUT) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            with error:
                return error.code, error.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            return 0, ""

    def wait_for(self, path: str, check: Check, what: str, *, seconds: float = WAIT_SECONDS) -> BeautifulSoup:
        """Poll ``path`` until it serves HTML passing ``check``; fail with the log after ``seconds``."""
        deadline = time.monotonic() + seconds
        status, body, refused = 0, "", ""
        while True:
            status, body = self.fetch(path)
            if status == 200:
                soup = BeautifulSoup(body, "html.parser")
                try:
                    if check(soup):
                        return soup
                except AssertionError as error:  # a helper inside the check found the page not there yet
                    refused = f"; the check said: {error}"
            if self.process.poll() is not None:
                code = self.process.returncode
                raise ServeError(f"server exited ({code}) waiting for {what} on {path}\n{self.log()}")
            if time.monotonic() > deadline:
                shown = visible(content(BeautifulSoup(body, "html.parser")))[:2000] if body else "(no answer)"
                raise ServeError(
                    f"{path} never showed {what} within {seconds:.0f} s{refused}; last answer {status}: {shown}\n"
                    f"{self.log()}"
                )
            time.sleep(POLL_STEP)

    def page(self, path: str) -> BeautifulSoup:
        """The page as served now (retrying only while it does not answer 200: a rebuild empties the site)."""
        return self.wait_for(path, lambda _soup: True, "the page")

    def wait_gone(self, path: str, what: str) -> None:
        """Poll until ``path`` answers 404."""
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            status, _ = self.fetch(path)
            if status == 404:
                return
            if time.monotonic() > deadline:
                raise ServeError(f"{path} still answers {status}; expected 404 ({what})\n{self.log()}")
            time.sleep(POLL_STEP)

    def wait_for_log(self, needles: tuple[str, ...], since: int, what: str) -> str:
        """Poll the server's output after byte ``since`` until one of ``needles`` appears; return that output.

        For rebuilds that fail: pages are held (not served) until a build succeeds again, so only the log tells.
        """
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            text = self.log(since)
            if any(needle in text for needle in needles):
                return text
            if not self.alive() or time.monotonic() > deadline:
                raise ServeError(f"the server never logged {what}\n{text}")
            time.sleep(POLL_STEP)

    def alive(self) -> bool:
        return self.process.poll() is None

    def log(self, since: int = 0) -> str:
        """The server's output (from byte offset ``since``), for failure messages and log assertions."""
        try:
            data = self.log_path.read_bytes()[since:]
        except OSError:
            return "(no server log)"
        return f"--- mkdocs serve output ---\n{data.decode('utf-8', 'replace')[-6000:]}"

    def log_size(self) -> int:
        return self.log_path.stat().st_size


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Ctrl-C first (serve then removes its temporary site), kill if it does not exit in time."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_SECONDS)


def _wait_until_up(site: ServedSite) -> bool:
    """True once ``/`` gets any HTTP answer; False if the process exits first (e.g. the port was taken).

    Serve finishes its first build before it listens, so any answer (even a 404: a site without a home page)
    means the site is there.
    """
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if not site.alive():
            return False
        status, _ = site.fetch("/")
        if status:
            return True
        time.sleep(POLL_STEP)
    raise ServeError(f"mkdocs serve did not answer on {HOST}:{site.port} in {STARTUP_SECONDS:.0f} s\n{site.log()}")


@contextmanager
def serving(root: Path, *extra_args: str) -> Iterator[ServedSite]:
    """Run ``mkdocs serve --livereload`` on ``root/mkdocs.yml`` until the block ends; always stops it."""
    env = dict(os.environ)
    scratch = root / ".tmp"  # serve's temporary site dir lands here, never in the shared /tmp
    scratch.mkdir(exist_ok=True)
    env.update(TMPDIR=str(scratch), PYTHONUNBUFFERED="1", NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    for attempt in range(START_ATTEMPTS):
        port = free_port()
        log_path = root / f"serve-{attempt}.log"
        command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"{HOST}:{port}"]
        command += ["-f", str(root / "mkdocs.yml"), *extra_args]
        with log_path.open("wb") as log:
            process = subprocess.Popen(command, cwd=root, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        site = ServedSite(root, port, process, log_path)
        try:
            if _wait_until_up(site):
                yield site
                return
        finally:
            _stop(process)
        if "Address already in use" not in site.log():
            raise ServeError(f"mkdocs serve exited ({process.returncode}) before answering\n{site.log()}")
    raise ServeError(f"no free port after {START_ATTEMPTS} attempts")


# ------------------------------------------------------------------------------------------ reading pages


def content(soup: BeautifulSoup) -> Tag | BeautifulSoup:
    """The article of the ``mkdocs`` theme (``div[role=main]``), without the navigation around it."""
    return soup.select_one("div[role=main]") or soup


def visible(element: Tag | BeautifulSoup) -> str:
    return " ".join(element.get_text(" ").split())


def has_text(*needles: str) -> Check:
    return lambda soup: all(needle in visible(content(soup)) for needle in needles)


def wiki_links(soup: BeautifulSoup, text: str) -> list[Tag]:
    """The wiki links (``a`` or red ``span``) in the article whose text is ``text``."""
    return [el for el in content(soup).select(".twikilink") if visible(el) == text]


def wiki_link(soup: BeautifulSoup, text: str) -> Tag:
    found = wiki_links(soup, text)
    assert len(found) == 1, f"expected one wiki link {text!r}, found {[str(el) for el in found]}"
    return found[0]


def is_live(soup: BeautifulSoup, text: str, href: str | None = None) -> bool:
    """The page has one link ``text``, an ``a.twikilink[href]`` without ``redlink`` (to ``href`` if given).

    False rather than an error when the link is absent: polls call this on pages not rebuilt yet.
    """
    found = wiki_links(soup, text)
    if len(found) != 1:
        return False
    link = found[0]
    live = link.name == "a" and link.has_attr("href") and "redlink" not in link.get("class", [])
    return live and (href is None or link["href"] == href)


def is_red(soup: BeautifulSoup, text: str) -> bool:
    """The page has one link ``text``, a ``span.twikilink.redlink`` without ``href``."""
    found = wiki_links(soup, text)
    if len(found) != 1:
        return False
    link = found[0]
    return link.name == "span" and "redlink" in link.get("class", []) and not link.has_attr("href")


def nav(soup: BeautifulSoup) -> list[Any]:
    """The ``mkdocs`` theme's navbar as data: a page is its title, a section ``{title: [children]}``."""
    bar = soup.select_one("ul.navbar-nav")
    assert bar is not None, "no navbar in the page"
    return [_nav_item(item) for item in bar.find_all("li", recursive=False)]


def _nav_item(item: Tag) -> Any:
    link = item.find("a", recursive=False)
    assert isinstance(link, Tag), f"nav item without a link: {item}"
    title = visible(link)
    submenu = item.find("ul", recursive=False)
    if not isinstance(submenu, Tag):
        return title
    return {title: [_nav_item(child) for child in submenu.find_all("li", recursive=False)]}


def nav_section(items: list[Any], *path: str) -> list[Any]:
    """The children of the section reached by following the titles in ``path``."""
    for title in path:
        found = [item[title] for item in items if isinstance(item, dict) and title in item]
        assert len(found) == 1, f"expected one nav section {title!r} in {items}"
        items = found[0]
    return items


def nav_titles(items: list[Any]) -> list[str]:
    """Every page title in the nav, depth first (section titles excluded)."""
    titles: list[str] = []
    for item in items:
        if isinstance(item, dict):
            for children in item.values():
                titles.extend(nav_titles(children))
        else:
            titles.append(item)
    return titles
