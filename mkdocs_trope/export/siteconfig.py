"""The exported site's ``mkdocs.yml``: the wiki's own config, without the plugin, with what the plugin generated.

Kept: every setting of the source config (theme, other plugins, extensions, extra ...), with paths that were
relative to the source config (``theme.custom_dir``, ``hooks``, ``watch``) made relative to the new one. Changed:
``docs_dir`` is the exported docs, the ``trope`` plugin is gone, ``nav`` is the navigation the plugin generated
(``.trope`` entries pointing at the ``.md`` pages), ``attr_list`` and ``md_in_html`` are enabled (the exported
pages use both) and the plugin's stylesheet and script are listed in ``extra_css``/``extra_javascript``. MkDocs
and Zensical both read this file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from .portable import page_path

PLUGIN_NAMES = ("trope", "mkdocs-trope", "mkdocs_trope")
EXTENSIONS = ("attr_list", "md_in_html")
_PATH_OPTIONS = ("hooks", "watch")


def plugin_options(raw: dict[str, Any]) -> dict[str, Any]:
    """The ``trope`` plugin's options in a raw config's ``plugins`` (a list of names/mappings, or a mapping)."""
    plugins = raw.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else [_entry(item) for item in plugins]
    for name, options in entries:
        if name in PLUGIN_NAMES:
            return dict(options or {})
    return {}


def _entry(item: Any) -> tuple[str, Any]:
    if isinstance(item, dict) and len(item) == 1:
        ((name, options),) = item.items()
        return str(name), options
    return str(item), {}


def output_config(
    raw: dict[str, Any], *, nav: Any, assets: tuple[str, ...], source_dir: Path, out_dir: Path, docs_name: str
) -> dict[str, Any]:
    """The exported site's config; ``assets`` are the plugin's stylesheets and script, relative to the docs."""
    config = {key: value for key, value in raw.items() if key not in ("docs_dir", "site_dir", "INHERIT")}
    config.setdefault("site_name", "Wiki")
    config["docs_dir"] = docs_name
    if "plugins" in config:
        config["plugins"] = _without_plugin(config["plugins"])
    if nav is not None:
        config["nav"] = _exported_nav(nav)
    extensions = list(config.get("markdown_extensions") or [])
    present = {_entry(item)[0] if not isinstance(item, str) else item for item in extensions}
    config["markdown_extensions"] = extensions + [name for name in EXTENSIONS if name not in present]
    for asset in assets:
        option = "extra_javascript" if asset.endswith(".js") else "extra_css"
        config[option] = _with(config.get(option), asset)
    theme = config.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        config["theme"] = {**theme, "custom_dir": _moved(theme["custom_dir"], source_dir, out_dir)}
    for option in _PATH_OPTIONS:
        if isinstance(config.get(option), list):
            config[option] = [
                _moved(path, source_dir, out_dir) if isinstance(path, str) else path for path in config[option]
            ]
    return config


def _without_plugin(plugins: Any) -> Any:
    if isinstance(plugins, dict):
        return {name: options for name, options in plugins.items() if name not in PLUGIN_NAMES}
    return [item for item in plugins if _entry(item)[0] not in PLUGIN_NAMES]


def _exported_nav(nav: Any) -> Any:
    if isinstance(nav, str):
        return page_path(nav)
    if isinstance(nav, list):
        return [_exported_nav(item) for item in nav]
    if isinstance(nav, dict):
        return {title: _exported_nav(value) for title, value in nav.items()}
    return nav


def _with(entries: Any, path: str) -> list[Any]:
    listed = list(entries or [])
    paths = {entry if isinstance(entry, str) else entry.get("path") for entry in listed if entry}
    return listed if path in paths else [*listed, path]


def _moved(path: str, source_dir: Path, out_dir: Path) -> str:
    return Path(os.path.relpath(source_dir / path, out_dir)).as_posix()


class _Dumper(yaml.SafeDumper):
    """Writes Python objects a config refers to (``!!python/name:`` functions of pymdownx options) back by name."""


def _python_name(dumper: yaml.SafeDumper, value: Any) -> yaml.Node:
    module = getattr(value, "__module__", None)
    name = getattr(value, "__qualname__", None)
    if module is None or name is None:
        return dumper.represent_str(str(value))
    return dumper.represent_scalar(f"tag:yaml.org,2002:python/name:{module}.{name}", "")


_Dumper.add_multi_representer(object, _python_name)


def dump(config: dict[str, Any]) -> str:
    return yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False)
