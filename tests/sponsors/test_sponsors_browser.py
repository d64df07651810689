"""Sponsor logos in chromium: a wide logo keeps its shape (not clipped, not a circle) on a light plate,
in light and dark mode of a theme that dims and rounds images in dark mode (pydata-sphinx-theme), and in
alabaster; the list is axe-clean."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from browserkit import VIEWPORTS, axe_violations, chromium_session, load_page, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = [pytest.mark.browser]

THEMES = {
    "pydata_sphinx_theme": {"html_theme": "pydata_sphinx_theme", "html_context": {"default_mode": "auto"}},
    "alabaster": {"html_theme": "alabaster"},
}
_MEASURE_JS = """
() => [...document.querySelectorAll('img.sw-sponsor-logo')].map((img) => {
  const r = img.getBoundingClientRect(), s = getComputedStyle(img);
  const plate = img.closest('p'), p = plate.getBoundingClientRect();
  return {alt: img.alt, w: r.width, h: r.height, nw: img.naturalWidth, nh: img.naturalHeight,
    inside: r.left >= p.left - 0.5 && r.right <= p.right + 0.5
      && r.top >= p.top - 0.5 && r.bottom <= p.bottom + 0.5,
    fit: s.objectFit, radius: s.borderTopLeftRadius, filter: s.filter,
    plate: getComputedStyle(plate).backgroundColor};
})
"""


@pytest.fixture(scope="module")
def sites(build_once) -> Iterator[dict[str, str]]:
    """The sponsors project built once per theme, each served on 127.0.0.1: theme -> its base URL."""
    built = {theme: build_once("sponsors-basic", confoverrides=conf) for theme, conf in THEMES.items()}
    with contextlib.ExitStack() as stack:
        yield {theme: stack.enter_context(serve(app.outdir)) for theme, app in built.items()}


@pytest.fixture(scope="module")
def browser(sites: dict[str, str]) -> Iterator[Browser]:
    """Debian's chromium, shared by the tests of this module (started after the builds)."""
    with chromium_session() as chromium:
        yield chromium


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_wide_logo_keeps_its_shape(browser, sites, theme: str, mode: str, viewport: str) -> None:
    url = sites[theme] + "sponsors.html"
    with load_page(browser, url, color_scheme=mode, viewport=VIEWPORTS[viewport]) as (page, errors):
        page.wait_for_function("[...document.images].every((img) => img.complete)")
        logos = {logo["alt"]: logo for logo in page.evaluate(_MEASURE_JS)}
        wide = logos["Example Corp logo"]
        assert (wide["nw"], wide["nh"]) == (400, 100)
        assert wide["w"] / wide["h"] == pytest.approx(4, rel=0.02)  # its own ratio: neither squeezed nor cut
        assert wide["h"] >= 40
        outside = page.evaluate(
            "[...document.querySelectorAll('.sw-sponsors *')]"
            ".filter((el) => el.getBoundingClientRect().right > innerWidth + 1).map((el) => el.className)"
        )
        assert outside == []  # ours fit the viewport (a theme's own header may not: not ours to test)
        for logo in logos.values():
            assert logo["inside"], logo  # not clipped by its plate
            assert (logo["fit"], logo["radius"], logo["filter"]) == ("contain", "0px", "none"), logo
            assert logo["plate"] == "rgb(255, 255, 255)", logo  # a light plate, also in dark mode
        if theme == "pydata_sphinx_theme":
            assert page.evaluate("document.documentElement.dataset.theme") == mode
        assert axe_violations(page, ".sw-sponsors") == []
        assert errors == []
