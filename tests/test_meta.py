"""Author-made text handed to MkDocs and themes stays text."""

from __future__ import annotations

from bs4 import BeautifulSoup

from mkdocs_trope.meta import refresh_tag


def test_a_refresh_url_cannot_leave_its_attribute() -> None:
    tag = BeautifulSoup(refresh_tag('../A"><script>x</script>/'), "html.parser")
    assert tag.select("meta") and not tag.select("script")
    assert tag.meta["content"] == '0; url=../A"><script>x</script>/'
