"""Helpers for browser tests: Debian's Chromium driven by Playwright for Python.

Install the prerequisites with ``bash scripts/install-browser.sh`` (never ``playwright install``:
this project uses the system Chromium at ``/usr/bin/chromium`` and downloads no browser).

Typical use::

    from tests.browser_support import browser_page, serve_directory, save_screenshot

    with serve_directory(site_dir) as base_url, browser_page() as page:
        page.goto(f"{base_url}/index.html")
        save_screenshot(page, "index")
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, ViewportSize

ColorScheme = Literal["light", "dark", "no-preference"]

REPO_ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT_DIR = REPO_ROOT / "test-output" / "screenshots"
CHROMIUM_PATH = Path("/usr/bin/chromium")
CHROMIUM_ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)
DEFAULT_VIEWPORT_SIZE = (1280, 900)


def missing_browser_reason() -> str | None:
    """Why browser tests cannot run here, or ``None`` if Chromium and Playwright are available."""
    if not CHROMIUM_PATH.is_file():
        return f"{CHROMIUM_PATH} not found (run scripts/install-browser.sh)"
    if importlib.util.find_spec("playwright") is None:
        return "Python package 'playwright' not installed (run scripts/install-browser.sh)"
    return None


def browser_available() -> bool:
    return missing_browser_reason() is None


def require_browser() -> None:
    """Skip the calling test if Chromium or Playwright is missing; under ``CI`` fail instead."""
    reason = missing_browser_reason()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


_SHARED: dict[str, Any] = {}


@contextlib.contextmanager
def launch_chromium() -> Iterator[Browser]:
    """Headless system Chromium as a Playwright ``Browser``, one for the whole test run.

    Playwright's sync API allows one running instance per thread, so a test module that keeps a browser open
    for its tests and another that asks for one would otherwise collide; starting Chromium once also saves about
    a second per test. :func:`close_shared_browser` stops it when the run ends.
    """
    if "browser" not in _SHARED:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        _SHARED["playwright"] = playwright
        _SHARED["browser"] = playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), headless=True, args=list(CHROMIUM_ARGS)
        )
    yield _SHARED["browser"]


def close_shared_browser() -> None:
    """Close the run's Chromium and Playwright, if a test started them."""
    browser = _SHARED.pop("browser", None)
    if browser is not None:
        browser.close()
    playwright = _SHARED.pop("playwright", None)
    if playwright is not None:
        playwright.stop()


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob", "about"} or parts.hostname in {"127.0.0.1", "localhost", "::1"}


@contextlib.contextmanager
def browser_page(
    *,
    viewport: ViewportSize | None = None,
    color_scheme: ColorScheme | None = None,
    offline: bool = True,
) -> Iterator[Page]:
    """A fresh page in a fresh browser context of the run's headless Chromium (:func:`launch_chromium`).

    With ``offline`` (the default) every request that is not to this machine is aborted at once,
    so themes that reference CDNs or web fonts neither hang nor reach the network.
    """
    with launch_chromium() as browser:
        width, height = DEFAULT_VIEWPORT_SIZE
        context = browser.new_context(
            viewport=viewport or {"width": width, "height": height},
            color_scheme=color_scheme,
        )
        if offline:
            context.route(
                lambda url: not _is_local(url),
                lambda route: route.abort("blockedbyclient"),
            )
        try:
            yield context.new_page()
        finally:
            context.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a browser dropping a connection mid-response is not a test failure


@contextlib.contextmanager
def serve_directory(directory: str | Path, *, port: int = 0) -> Iterator[str]:
    """Serve ``directory`` over HTTP on 127.0.0.1 in a background thread (``port=0``: a free port).

    Yields the base URL without a trailing slash, e.g. ``http://127.0.0.1:43125``. Files are read
    per request, so the site may be (re)built after the server starts: Material's
    ``navigation.instant`` only works when ``site_url`` has the served host *and port*.
    """
    root = Path(directory).resolve()
    if not root.is_dir():
        raise NotADirectoryError(root)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = _QuietServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, name=f"http:{root.name}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def save_screenshot(page: Page, name: str, *, full_page: bool = True) -> Path:
    """Write a PNG of ``page`` to ``<repo>/test-output/screenshots/<name>.png`` and return its path."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in name).strip("._") or "screenshot"
    path = SCREENSHOT_DIR / f"{safe}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
