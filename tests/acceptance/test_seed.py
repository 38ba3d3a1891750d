"""The seed page, end to end through a real MkDocs build: every link, the image, its caption, the subpage list."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.reference import SEED, reference_text
from tests.sitebuild import Site, build_site, visible_text

SUBPAGES = [
    "Advertising", "AnimeAndManga", "Apparel", "ComicBooks", "Fanfic", "Film", "Literature", "LiveActionTV",
    "Music", "MusicVideos", "MythologyAndReligion", "TabletopGames", "DungeonsAndDragons", "Theatre", "VideoGames",
    "VisualNovels", "WebAnimation", "Webcomics", "WebOriginal", "WesternAnimation",
]  # fmt: skip

# (target page, text shown) for every wiki link in the description, in page order.
DESCRIPTION_LINKS = [
    ("Main/GreenSkinnedSpaceBabe", "Green Skinned Space Babe"),
    ("Main/FriendlyNeighborhoodVampire", "Friendly Neighborhood Vampire"),
    ("Main/FunnyAnimal", "Funny Animals"),
    ("Main/BeastAndBeauty", "Beast And Beauty"),
    ("Main/FantasticRacism", "Fantastic Racism"),
    ("Main/StarcrossedLovers", "Starcrossed Lovers"),
    ("Main/MayflyDecemberRomance", "Mayfly December Romance"),
    ("Main/MohsScaleOfScienceFictionHardness", "less realistic"),
    ("Main/HalfHumanHybrid", "Half Human Hybrids"),
    ("Main/HybridMonster", "Hybrid Monsters"),
    ("Main/OfficialCouple", "Official Couple"),
    ("Main/HumanAliens", "human form"),
    ("Main/Squick", "Squick"),
    ("Main/FurryConfusion", "Furry Confusion"),
    ("Main/BoldlyComing", "the way to go about First Contact"),
    ("Main/AlienInvasion", "Alien invaders"),
    ("Main/Masquerade", "Masquerade"),
    ("Main/HowToInvadeAnAlienPlanet", "you'd think they'd learn better"),
    ("Main/FanFic", "Fan Fic"),
    ("Main/WebComics", "Web Comics"),
    ("Main/NotSafeForWork", "NSFW"),
    ("Main/ExtremeOmnisexual", "Extreme Omnisexual"),
    ("Main/BestialityIsDepraved", "Bestiality Is Depraved"),
    ("Main/MarsNeedsWomen", "Mars Needs Women"),
    ("Main/DivineDate", "Divine Date"),
    ("Main/MagicalGirlfriend", "Magical Girlfriend"),
    ("Main/DeusSexMachina", "Deus Sex Machina"),
    ("Main/DidYouJustRomanceCthulhu", "Did You Just Romance Cthulhu"),
    ("Main/BoyMeetsGhoul", "Boy Meets Ghoul"),
    ("Main/Robosexual", "Robosexual"),
    ("Main/HotSkittyOnWailordAction", "Hot Skitty On Wailord Action"),
    ("Main/ExoticEquipment", "Exotic Equipment"),
    ("Main/MaleToFemaleUniversalAdaptor", "Male To Female Universal Adaptor"),
    ("Main/HalfHumanHybrid", "Half Human Hybrids"),
    ("Main/NonhumanLoverReveal", "Nonhuman Lover Reveal"),
    ("Main/MalignedMixedMarriage", "Maligned Mixed Marriage"),
    ("Main/InterspeciesFriendship", "Interspecies Friendship"),
]

SHREK_IMAGE = "http://static.tvtropes.org/pmwiki/pub/images/Shrek_01_350_5696.png"
DONKAGON = "http://static.tvtropes.org/pmwiki/pub/images/donkagon_6290.JPG"


def _wiki(pages: list[str]) -> dict[str, str]:
    files = {"Main/InterspeciesRomance.trope": reference_text(SEED)}
    for page in pages:
        files[f"{page}.trope"] = f"The page [={page}=].\n"
    return files


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """Every page the seed links to exists, so every link must be live and land on its page."""
    pages = sorted({target for target, _ in DESCRIPTION_LINKS} | {"WesternAnimation/Shrek"})
    pages += [f"InterspeciesRomance/{name}" for name in SUBPAGES]
    return build_site(tmp_path_factory.mktemp("seed"), _wiki(pages))


def _target_file(site: Site, page: Path, href: str) -> Path:
    resolved = (page.parent / href).resolve()
    return resolved / "index.html" if resolved.is_dir() else resolved


def _landing_title(site: Site, page: Path, href: str) -> str:
    soup = BeautifulSoup(_target_file(site, page, href).read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("div[role=main] p, article p, main p").get_text()


def test_every_description_link_lands_on_its_page(site: Site) -> None:
    content = site.content("Main/InterspeciesRomance.trope")
    page = site.page_path("Main/InterspeciesRomance.trope")
    links = [a for a in content.select("a.twikilink") if not a.find_parent("figure") and not a.find_parent("ul")]
    assert [a.get_text() for a in links] == [text for _, text in DESCRIPTION_LINKS]
    for link, (target, _) in zip(links, DESCRIPTION_LINKS, strict=True):
        assert _landing_title(site, page, link["href"]) == f"The page {target}."


def test_page_image_floats_right_at_348_with_linked_image_and_caption(site: Site) -> None:
    content = site.content("Main/InterspeciesRomance.trope")
    figure = content.select_one("figure.quoteright")
    assert figure is not None and figure["style"] == "width:348px"
    image_link = figure.find("a", class_="twikilink")
    assert image_link.img["src"] == SHREK_IMAGE
    page = site.page_path("Main/InterspeciesRomance.trope")
    assert _landing_title(site, page, image_link["href"]) == "The page WesternAnimation/Shrek."
    caption = figure.select_one("figcaption.caption")
    assert caption.get_text() == "Don't say donkagon!"
    assert caption.a["href"] == DONKAGON


def test_subpage_list_has_twenty_links_with_dungeons_and_dragons_nested(site: Site) -> None:
    content = site.content("Main/InterspeciesRomance.trope")
    top = [ul for ul in content.find_all("ul") if not ul.find_parent(["li", "nav"])]
    subpage_list = next(ul for ul in top if "Advertising" in ul.get_text())
    items = subpage_list.find_all("li", recursive=False)
    assert len(items) == 19
    assert [li.a.get_text() for li in items][:3] == ["Advertising", "Anime And Manga", "Apparel"]
    tabletop = items[SUBPAGES.index("TabletopGames")]
    nested = tabletop.find("ul").find_all("li")
    assert [li.get_text() for li in nested] == ["Dungeons And Dragons"]
    page = site.page_path("Main/InterspeciesRomance.trope")
    hrefs = [a["href"] for a in subpage_list.find_all("a")]
    assert len(hrefs) == 20
    for href, name in zip(hrefs, SUBPAGES, strict=True):
        assert _landing_title(site, page, href) == f"The page InterspeciesRomance/{name}."


def test_comments_vanish_and_text_is_exact(site: Site) -> None:
    content = site.content("Main/InterspeciesRomance.trope")
    text = visible_text(content)
    assert "Image Pickin" not in text and "No quotes, please" not in text and "%%" not in text
    assert "more likely to be...um... NSFW ." in text or "more likely to be...um...NSFW." in text.replace(" ", "")
    assert [em.get_text() for em in content.find_all("em")] == ["no", "only"]
    assert "FanFic" not in text  # every WikiWord became a spaced link
    assert content.find("h1").get_text() == "Interspecies Romance"
    assert not site.warnings()


def test_missing_pages_are_red_links(tmp_path: Path) -> None:
    site = build_site(tmp_path, _wiki([]))
    content = site.content("Main/InterspeciesRomance.trope")
    red = content.select("span.twikilink.redlink")
    assert len(red) == len(DESCRIPTION_LINKS) + len(SUBPAGES) + 1
    assert red[1]["title"] == "The page Main/GreenSkinnedSpaceBabe does not exist yet"
    assert not content.select("a.twikilink")
