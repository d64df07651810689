"""Class 8 of issue 13: a photo that cannot be shown gives the initials and a warning, never a broken image.

``tests/roots/test-hostile-photos``: photos that are text under an image suffix, empty, a folder, not
an image suffix at all (or none), an SVG file without ``<svg``, a RIFF file that is a sound; next to valid
PNG (also as ``.PNG``), JPEG, SVG, WebP and GIF (87a and 89a) photos. Sphinx's EPUB builder knows no
mimetype for ``.PNG`` (its table is in lower case) and says so: ``warnings-epub.txt``.
"""

from __future__ import annotations

import pytest
from hostilekit import Build, assert_warnings, build_every_way

ROOT = "hostile-photos"


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    return build_every_way(ROOT, tmp_path_factory.mktemp(ROOT), parallel=True)


def test_every_builder_warns_about_each_photo(results) -> None:
    assert_warnings(results, ROOT)


@pytest.mark.parametrize("builder", ["html", "html-j2", "dirhtml", "singlehtml"])
def test_cards_show_the_photo_or_the_initials(results, builder) -> None:
    result = results[builder]
    soup = result.soup("index.html")
    shown = {}
    for card in soup.select("div.sw-person-card"):
        name = card.select_one(".sw-person-name").get_text()
        image = card.select_one("img.sw-person-photo")
        shown[name] = "photo" if image is not None else card.select_one(".sw-person-avatar").get_text()
    if builder == "singlehtml":  # every page in one
        assert shown.pop("Fake Svg") == "FS" and shown.pop("Good Again") == "photo"
    assert shown == {
        "Good Photo": "photo",
        "Text Photo": "TP",
        "Empty Photo": "EP",
        "Folder Photo": "FP",
        "Notes Photo": "NP",
        "Svg Photo": "photo",
        "Webp Photo": "photo",
        "Gif Photo": "photo",
        "Jpeg Photo": "photo",
        "Upper Photo": "photo",  # .PNG is .png
        "Old Gif": "photo",  # GIF87a
        "Wave Photo": "WP",  # RIFF, but a WAVE
        "Bare Photo": "BP",  # a PNG with no suffix
    }
    if builder == "html":
        rst = result.soup("rst.html")
        assert [bool(c.select("img")) for c in rst.select("div.sw-person-card")] == [False, True]
