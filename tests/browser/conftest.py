"""The demo wiki built once per theme variant for the whole test session, shared by the browser test modules."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.browser_support import launch_chromium, require_browser, serve_directory
from tests.sitebuild import REPO, collect_logs

if TYPE_CHECKING:
    from playwright.sync_api import Browser

DEMO_THEMES: dict[str, dict[str, Any]] = {
    "mkdocs": {"name": "mkdocs"},
    "readthedocs": {"name": "readthedocs"},
    "material-light": {"name": "material", "palette": {"scheme": "default"}, "features": ["navigation.indexes"]},
    "material-slate": {"name": "material", "palette": {"scheme": "slate"}, "features": ["navigation.indexes"]},
}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for every browser test."""
    require_browser()
    with launch_chromium() as chromium:
        yield chromium


def build_demo(site_dir: Path, theme: dict[str, Any]) -> None:
    config = load_config(str(REPO / "demo_site" / "mkdocs.yml"), theme=theme, site_dir=str(site_dir))
    with collect_logs():
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], str]]:
    """``demo_site(variant)``: the base URL of the demo wiki built with that theme variant (built on first use)."""
    served: dict[str, str] = {}
    with contextlib.ExitStack() as stack:

        def base_url(variant: str) -> str:
            if variant not in served:
                site_dir = tmp_path_factory.mktemp(f"demo-{variant}") / "site"
                build_demo(site_dir, DEMO_THEMES[variant])
                served[variant] = stack.enter_context(serve_directory(site_dir))
            return served[variant]

        yield base_url
