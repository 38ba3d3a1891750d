"""``.trope`` files as MkDocs documentation pages.

MkDocs decides what is a page with ``File.is_documentation_page()`` (Markdown extensions only), so trope files
are swapped for this subclass in ``on_files``. Conversion happens in ``content_string``, before MkDocs strips
front matter and ``Key: value`` lines, so a page that starts ``Note: ...`` keeps its first line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mkdocs.structure.files import File

TROPE_SUFFIX = ".trope"


class TropeFile(File):
    """A ``.trope`` source whose ``content_string`` is the converted Markdown."""

    converter: Callable[[TropeFile], str] | None = None

    @classmethod
    def replacing(cls, file: File, converter: Callable[[TropeFile], str]) -> TropeFile:
        trope = cls(file.src_path, file.src_dir, file.dest_dir, file.use_directory_urls, inclusion=file.inclusion)
        trope.converter = converter
        return trope

    def is_documentation_page(self) -> bool:
        return True

    @property
    def content_string(self) -> str:
        if self._content is not None or self.converter is None:
            return File.content_string.fget(self)  # type: ignore[attr-defined,no-any-return]
        return self.converter(self)

    @content_string.setter
    def content_string(self, value: str) -> None:
        File.content_string.fset(self, value)  # type: ignore[attr-defined]

    def read_source_bytes(self) -> bytes:
        """The raw trope source (the inherited ``content_bytes`` would not know about conversion)."""
        if isinstance(self._content, bytes):
            return self._content
        if isinstance(self._content, str):
            return self._content.encode()
        assert self.abs_src_path is not None
        return Path(self.abs_src_path).read_bytes()


def is_trope_path(src_uri: str) -> bool:
    return src_uri.endswith(TROPE_SUFFIX)
