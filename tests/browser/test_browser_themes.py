"""The extension in five stock themes, in chromium: a new organizer's project (``tests/roots/test-themes``,
no site ``conf.py``) built once per theme, each page loaded once per viewport and colour scheme.

On that one load: the cards stand out from the page, side by side on a desktop and stacked on a phone;
initials sit in a round filled disc; photos (one wide, one tall) are circles, undimmed in dark mode;
profile links carry no bullets; text in cards, references and the schedule has WCAG AA contrast;
schedule rows fit the viewport; a clicked citation brings its entry into view, uncovered, and marks it;
--sw-color-* set by the project win over the theme's colours. The accepted papers' index and a paper's
page: the search box works, the text is legible, nothing leaves the viewport, axe finds nothing, and the
theme's navigation lists no paper page. The workshop's year (important dates with the reader's zone, the
phase banner, a speaker card with its talk, the sponsors): legible, within the viewport, axe-clean, logos
neither cropped, rounded nor dimmed.
Themes without a dark mode are loaded in light mode only: the stylesheet takes its dark colours from the
theme's variables and has no ``prefers-color-scheme`` query (``test_stylesheet_follows_the_theme_only``).
"""

from __future__ import annotations

import io
import itertools
import shutil
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from browserkit import add_axe, axe_violations, chromium_session, serve
from pagekit import (
    MARK_STYLE_JS,
    MIN_CONTRAST,
    MODES,
    SEEN_JS,
    VIEWPORTS,
    browse,
    contrasts,
    keep_screenshot,
    luminance,
)
from sphinx.cmd.build import build_main

from sphinx_workshop.assets import STATIC_DIR, STYLESHEET

pytestmark = [pytest.mark.browser]

ROOT = Path(__file__).parents[1] / "roots" / "test-themes"
#: html_theme -> whether the theme has a dark mode that follows the visitor's colour scheme.
THEMES = {
    "alabaster": False,
    "sphinx_rtd_theme": False,
    "furo": True,
    "pydata_sphinx_theme": True,
    "sphinx_book_theme": True,
}
#: What each theme's documentation tells a project to set (pydata's colour mode follows the visitor).
THEME_OPTIONS = {theme: ["-A", "default_mode=auto"] for theme in ("pydata_sphinx_theme", "sphinx_book_theme")}
CARDS = 3
TOLERANCE = 2  # px: sub-pixel rounding of grid tracks and borders
#: What the extension draws (a theme's own header may overflow a phone: not ours to test).
OURS = [".sw-person-grid", ".sw-schedule", ".sw-papers-references"]
#: The last citation of the page, to an entry far below it.
CITATION = 'sup.sw-papers-cite a[href="#paper-cummins2020program"]'


@pytest.fixture(scope="module")
def theme_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample project built with ``-W`` in each theme (``<base>/<theme>/index.html``), served locally.

    Every build runs before Playwright starts (a process forked while its driver runs would hold its pipe).
    """
    out = tmp_path_factory.mktemp("themes")
    src = shutil.copytree(ROOT, out.parent / f"{out.name}-src")  # the build writes the papers' pages
    for theme in THEMES:
        args = ["-b", "html", "-W", "-q", "-D", f"html_theme={theme}", *THEME_OPTIONS.get(theme, [])]
        args += [str(src), str(out / theme)]
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()) as stderr:
            status = build_main(args)
        assert status == 0, f"{theme}: {stderr.getvalue()}"
    # Chromium asks the server's root for a favicon when a theme declares none.
    (out / "favicon.ico").write_bytes(b"")
    with serve(out) as url:
        yield url


@pytest.fixture(scope="module")
def browser(theme_sites: str) -> Iterator[Any]:
    """Debian's chromium, shared by the tests of this module."""
    with chromium_session() as chromium:
        yield chromium


#: Everything measured on the loaded page, in one round trip.
_MEASURE_JS = """
(OURS) => {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return {x: r.x, y: r.y, w: r.width, h: r.height};
  };
  const css = (el, pseudo) => getComputedStyle(el, pseudo);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  const rgba = (c) => {
    ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = '#000'; ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data; return [d[0], d[1], d[2], d[3] / 255];
  };
  const behind = (el) => {
    for (let n = el.parentElement; n; n = n.parentElement) {
      const c = rgba(css(n).backgroundColor); if (c[3] > 0.5) return c;
    }
    return [255, 255, 255, 1];
  };
  const round = (el) => {
    const s = css(el), r = box(el);
    return {box: r, radius: parseFloat(s.borderTopLeftRadius) >= Math.min(r.w, r.h) / 2 - 1
      || s.borderTopLeftRadius === '50%', fill: rgba(s.backgroundColor), filter: s.filter,
      fit: s.objectFit, natural: [el.naturalWidth || 0, el.naturalHeight || 0], complete: el.complete};
  };
  const scrolls = [];
  for (const table of document.querySelectorAll('.sw-schedule table')) {
    for (let n = table; n && n !== document.documentElement; n = n.parentElement) {
      if (n.scrollWidth > n.clientWidth + 1 && css(n).overflowX !== 'visible') {
        scrolls.push(n.tagName + '.' + n.className + ' ' + n.scrollWidth + '>' + n.clientWidth);
      }
    }
    for (const row of table.querySelectorAll('tr')) {
      const r = row.getBoundingClientRect();
      if (r.right > innerWidth + 1 || r.left < -1) scrolls.push('row ' + row.textContent.trim().slice(0, 30));
    }
  }
  return {
    page: rgba(css(document.body).backgroundColor),
    html: rgba(css(document.documentElement).backgroundColor),
    outside: [...document.querySelectorAll(OURS.map((sel) => sel + ', ' + sel + ' *').join(', '))]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width && (r.right > innerWidth + 1 || r.left < -1);
      })
      .map((el) => el.tagName.toLowerCase() + '.' + [...el.classList].join('.')),
    cards: [...document.querySelectorAll('.sw-person-card')].map((el) => ({
      box: box(el), bg: rgba(css(el).backgroundColor), behind: behind(el),
      border: [parseFloat(css(el).borderTopWidth), rgba(css(el).borderTopColor)], shadow: css(el).boxShadow,
    })),
    avatars: [...document.querySelectorAll('.sw-person-avatar')].map(round),
    photos: [...document.querySelectorAll('img.sw-person-photo')].map(round),
    bullets: [...document.querySelectorAll('.sw-person-links > li')].map((li) =>
      css(li).display === 'list-item' && css(li).listStyleType !== 'none' ? li.textContent.trim() : ''
    ).filter(Boolean),
    scrolls,
  };
}
"""


def _differs(a: list[float], b: list[float]) -> bool:
    """Two opaque-ish colours a reader tells apart (more than a rounding step)."""
    return a[3] > 0.1 and max(abs(x - y) for x, y in zip(a[:3], b[:3], strict=True)) > 6


def _check_scheme(mode: str, measured: dict[str, Any]) -> list[str]:
    background = measured["page"] if measured["page"][3] > 0.5 else measured["html"]
    dark = luminance(tuple(background[:3])) < 0.2
    return [] if dark == (mode == "dark") else [f"page background {background} is not {mode}"]


def _check_cards(viewport: str, measured: dict[str, Any]) -> list[str]:
    problems = []
    cards = measured["cards"]
    if len(cards) != CARDS:
        return [f"{len(cards)} cards, not {CARDS}"]
    for i, card in enumerate(cards):
        border_width, border_colour = card["border"]
        bordered = border_width >= 1 and _differs(border_colour, card["behind"])
        if not (bordered or card["shadow"] != "none" or _differs(card["bg"], card["behind"])):
            problems.append(f"card {i} does not stand out from the page: {card}")
    boxes = [card["box"] for card in cards]
    if viewport == "desktop":
        row = [b for b in boxes if abs(b["y"] - boxes[0]["y"]) <= TOLERANCE]
        if len(row) < 2:
            problems.append(f"cards are not side by side at 1280px: {boxes}")
        if not all(a["x"] + a["w"] <= b["x"] + TOLERANCE for a, b in itertools.pairwise(row)):
            problems.append(f"cards overlap: {boxes}")
    else:
        width = VIEWPORTS["phone"]["width"]
        if not all(abs(b["x"] - boxes[0]["x"]) <= TOLERANCE for b in boxes):
            problems.append(f"cards are not stacked on a phone: {boxes}")
        if not all(a["y"] + a["h"] <= b["y"] + TOLERANCE for a, b in itertools.pairwise(boxes)):
            problems.append(f"cards overlap: {boxes}")
        if not all(b["x"] >= 0 and b["x"] + b["w"] <= width + TOLERANCE for b in boxes):
            problems.append(f"a card leaves the viewport: {boxes}")
    return problems


def _check_discs(measured: dict[str, Any]) -> list[str]:
    problems = []
    if len(measured["avatars"]) != 1 or len(measured["photos"]) != 2:
        return [f"{len(measured['avatars'])} initials and {len(measured['photos'])} photos, not 1 and 2"]
    for disc in measured["avatars"]:
        b = disc["box"]
        if not (disc["radius"] and abs(b["w"] - b["h"]) <= 1 and b["w"] >= 40 and disc["fill"][3] > 0.9):
            problems.append(f"initials are not in a round filled disc: {disc}")
    shapes = set()
    for photo in measured["photos"]:
        b, (width, height) = photo["box"], photo["natural"]
        shapes.add((width > height) - (width < height))
        if not (photo["complete"] and width and height):
            problems.append(f"a photo did not load: {photo}")
        if not (photo["radius"] and abs(b["w"] - b["h"]) <= 1 and b["w"] >= 40 and photo["fit"] == "cover"):
            problems.append(f"a photo is not a circle cropped from the image: {photo}")
        if photo["filter"] != "none":
            problems.append(f"a photo is filtered: {photo['filter']}")
    if shapes != {-1, 1}:
        problems.append(f"the sample should have a wide and a tall photo: {measured['photos']}")
    return problems


#: Text in colours of ours. Links outside cards keep the theme's colour (sphinx-rtd-theme's #2980b9 is
#: 4.2:1 on white: the theme's choice, not ours to override on the page).
LEGIBLE = {
    "card text": ".sw-person-card",
    "reference authors and venues": ".sw-papers-authors, .sw-papers-venue",
    "schedule times and zone": ".sw-schedule-zone, .sw-schedule td:first-child",
    "time zone buttons": ".sw-schedule-tz button",
}


def _check_contrast(page) -> list[str]:
    measured = {kind: contrasts(page, selector) for kind, selector in LEGIBLE.items()}
    measured["card links"] = contrasts(page, ".sw-person-card a", descend=False)
    problems = [f"no {kind} measured" for kind, items in measured.items() if not items]
    problems += [
        f"{kind}: {label} {ratio}"
        for kind, items in measured.items()
        for label, ratio in items
        if ratio < MIN_CONTRAST
    ]
    return problems


#: Whether the element's top line is in the viewport and the page has stopped scrolling (a theme may
#: scroll smoothly): the same position over a few animation frames.
_SETTLED_JS = """
async (el) => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  let last = null;
  for (let same = 0; same < 3;) {
    await frame();
    const top = el.getBoundingClientRect().top;
    same = top === last ? same + 1 : 0;
    last = top;
  }
  return last >= 0 && last + 24 <= innerHeight;
}
"""


def _check_citation(page) -> list[str]:
    """Click the last citation: its entry becomes the target, in view, uncovered, marked, legible."""
    link = page.locator(CITATION)
    href = link.get_attribute("href")
    link.click()
    page.wait_for_function("(h) => location.hash === h", arg=href)
    target = page.locator(f"[id='{href[1:]}']")
    handle = target.element_handle()
    page.wait_for_function(_SETTLED_JS, arg=handle, timeout=3000)
    problems = []
    seen = page.evaluate(SEEN_JS, handle)
    if not seen["uncovered"]:
        problems.append(f"{href} is in view but covered (a sticky header?): {seen}")
    plain = page.locator("[id^='paper-']").first
    if target.evaluate(MARK_STYLE_JS) == plain.evaluate(MARK_STYLE_JS):
        problems.append(f"{href} is not marked as the target")
    marked = contrasts(page, ":target .sw-papers-authors, :target .sw-papers-venue")
    problems += [f"marked entry: {label} {ratio}" for label, ratio in marked if ratio < MIN_CONTRAST]
    return problems


#: One load per theme, viewport and colour scheme the theme has (a theme without a dark mode stays light
#: whatever the visitor prefers; the stylesheet has no colour-scheme query of its own to test there).
LOADS = [
    pytest.param(theme, viewport, mode, id=f"{theme}-{viewport}-{mode}")
    for theme, dark in THEMES.items()
    for viewport in VIEWPORTS
    for mode in (MODES if dark else ("light",))
]


#: A project's own colours (as in the README's example) win over the theme's: set on :root, read back.
_OVERRIDE_JS = """
() => {
  document.documentElement.style.setProperty('--sw-color-accent', 'rgb(106, 27, 154)');
  document.documentElement.style.setProperty('--sw-color-surface', 'rgb(250, 250, 250)');
  return [getComputedStyle(document.querySelector('.sw-person-avatar')).backgroundColor,
          getComputedStyle(document.querySelector('.sw-person-card')).backgroundColor];
}
"""


def _check_override(page) -> list[str]:
    colours = page.evaluate(_OVERRIDE_JS)
    expected = ["rgb(106, 27, 154)", "rgb(250, 250, 250)"]
    return [] if colours == expected else [f"--sw-color-* set on :root give {colours}, not {expected}"]


@pytest.mark.parametrize(("theme", "viewport", "mode"), LOADS)
def test_extension_looks_right_in_the_theme(browser, theme_sites, theme, viewport, mode) -> None:
    with browse(browser, theme_sites, viewport, mode) as (page, log):
        page.goto(f"{theme_sites}{theme}/index.html", wait_until="load")
        page.locator(".sw-schedule-tz button").first.wait_for()  # schedule.js has run
        measured = page.evaluate(_MEASURE_JS, OURS)
        problems = _check_scheme(mode, measured)
        problems += _check_cards(viewport, measured)
        problems += _check_discs(measured)
        problems += [f"a profile link has a bullet: {text}" for text in measured["bullets"]]
        problems += [f"the schedule scrolls sideways: {where}" for where in measured["scrolls"]]
        problems += [f"leaves the viewport sideways: {where}" for where in measured["outside"]]
        problems += _check_contrast(page)
        if problems:
            keep_screenshot(page, f"theme-{theme}-{viewport}-{mode}")
        problems += _check_citation(page)
        problems += _check_override(page)
        problems += log.problems()
    assert not problems, f"{theme}, {viewport}, {mode}:\n" + "\n".join(problems)


def test_stylesheet_follows_the_theme_only() -> None:
    """Dark colours come from the theme's variables: no colour-scheme query would darken a light theme."""
    css = (STATIC_DIR / STYLESHEET).read_text(encoding="utf-8")
    assert "prefers-color-scheme" not in css
    assert "@media" not in css


THEME_LINK_COLOUR = "foreground color: #2980b9"
#: Text of ours on the accepted papers' index and a paper's page (links keep the theme's colours).
ACCEPTED_LEGIBLE = {
    "index": ".sw-accepted-authors, .sw-accepted-group, .sw-accepted-search label, .sw-accepted-status",
    "paper": ".sw-accepted-authors, .sw-accepted-facts, .sw-accepted-award",
}

#: What leaves the viewport sideways, and the theme's navigation links to paper pages.
_ACCEPTED_JS = """
(selector) => ({
  // a code block scrolls within itself (the BibTeX's long lines): its own box must fit, not its lines
  outside: [...document.querySelectorAll(selector + ', ' + selector + ' *')].filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width && !el.parentElement.closest('pre') && (r.right > innerWidth + 1 || r.left < -1);
  }).map((el) => el.tagName.toLowerCase() + '.' + [...el.classList].join('.')),
  navigation: [...document.querySelectorAll('li[class*="toctree-l"] a[href*="papers/"]')]
    .map((a) => a.getAttribute('href')),
})
"""


def _check_accepted(page, selector: str, kind: str) -> list[str]:
    measured = page.evaluate(_ACCEPTED_JS, selector)
    problems = [f"{kind}: leaves the viewport sideways: {where}" for where in measured["outside"]]
    problems += [f"{kind}: the navigation lists a paper page: {href}" for href in measured["navigation"]]
    legible = contrasts(page, ACCEPTED_LEGIBLE[kind])
    problems += [f"{kind}: nothing measured" for _ in [0] if not legible]
    problems += [f"{kind}: {label} {ratio}" for label, ratio in legible if ratio < MIN_CONTRAST]
    # the BibTeX's syntax colours are the theme's Pygments style (alabaster's is below AA), and links keep
    # the theme's colour (sphinx-rtd-theme's #2980b9 is 4.2:1 on its background): not ours to override
    problems += [
        f"{kind}: axe: {line}"
        for line in axe_violations(page, selector, without=".highlight")
        if THEME_LINK_COLOUR not in line
    ]
    return problems


@pytest.mark.parametrize(("theme", "viewport", "mode"), LOADS)
def test_accepted_papers_look_right_in_the_theme(browser, theme_sites, theme, viewport, mode) -> None:
    with browse(browser, theme_sites, viewport, mode) as (page, log):
        add_axe(page.context)
        page.goto(f"{theme_sites}{theme}/accepted.html", wait_until="load")
        field = page.locator(".sw-accepted-search input")
        field.wait_for()  # the search script has revealed the box
        problems = _check_accepted(page, ".sw-accepted-index", "index")
        field.fill("adaptive")
        shown = page.locator(".sw-accepted-entry:not([hidden]) .sw-accepted-title").all_inner_texts()
        if shown != ["Adaptive Index Structures for Skewed Workloads"]:
            problems.append(f"the search box shows {shown}")
        page.goto(f"{theme_sites}{theme}/papers/paper-1.html", wait_until="load")
        problems += _check_accepted(page, ".sw-accepted-paper", "paper")
        if problems:
            keep_screenshot(page, f"accepted-{theme}-{viewport}-{mode}")
        problems += log.problems()
    assert not problems, f"{theme}, {viewport}, {mode}:\n" + "\n".join(problems)


#: Text of ours on the year's page: the dates, the phase banner, the speaker card's talk, the sponsors.
YEAR_LEGIBLE = (
    ".sw-dates, .sw-person-talk, .sw-person-abstract, .sw-sponsor-name, .sw-sponsors p.rubric, "
    ".sw-sponsors .rubric"
)
#: The sponsor logos as drawn: their box, the image's own ratio, and what could crop or dim them.
_LOGOS_JS = """
() => [...document.querySelectorAll('img.sw-sponsor-logo')].map((img) => {
  const r = img.getBoundingClientRect(), s = getComputedStyle(img);
  return {w: r.width, h: r.height, natural: img.naturalWidth / (img.naturalHeight || 1), fit: s.objectFit,
          radius: parseFloat(s.borderTopLeftRadius), filter: s.filter, complete: img.complete};
})
"""


@pytest.mark.parametrize(("theme", "viewport", "mode"), LOADS)
def test_the_workshop_year_looks_right_in_the_theme(browser, theme_sites, theme, viewport, mode) -> None:
    """Important dates (with the reader's zone), the phase banner, a speaker card with its talk and the
    sponsors: legible, within the viewport, axe-clean, logos uncropped and undimmed in their own ratio."""
    with browse(browser, theme_sites, viewport, mode) as (page, log):
        add_axe(page.context)
        page.goto(f"{theme_sites}{theme}/year.html", wait_until="load")
        page.locator(".sw-dates .sw-schedule-tz button").first.wait_for()  # schedule.js has run
        problems = []
        for selector in (".sw-dates", ".sw-person-grid", ".sw-sponsors"):
            measured = page.evaluate(_ACCEPTED_JS, selector)
            problems += [f"{selector}: leaves the viewport sideways: {w}" for w in measured["outside"]]
        shown = page.locator("[data-sw-when]:not([hidden])").all_inner_texts()
        if len(shown) != 1:
            problems.append(f"the phase banner shows {shown}")
        # links outside cards keep the theme's colour (sphinx-rtd-theme's is 4.2:1): not ours to override
        legible = [
            (label, ratio) for label, ratio in contrasts(page, YEAR_LEGIBLE) if not label.startswith("a.")
        ]
        problems += ["nothing measured"] if not legible else []
        problems += [f"{label} {ratio}" for label, ratio in legible if ratio < MIN_CONTRAST]
        for logo in page.evaluate(_LOGOS_JS):
            drawn = logo["w"] / (logo["h"] or 1)
            if not logo["complete"]:
                problems.append(f"a sponsor logo did not load: {logo}")
            # its box keeps the image's ratio, or the image is fitted into it whole (never cropped)
            kept = abs(drawn - logo["natural"]) <= 0.05 * logo["natural"] or logo["fit"] in (
                "contain",
                "scale-down",
            )
            if not kept:
                problems.append(f"a sponsor logo is not drawn in its own ratio: {logo}")
            if logo["radius"] or logo["filter"] != "none":
                problems.append(f"a sponsor logo is rounded or filtered: {logo}")
        problems += [
            f"axe: {line}"
            for line in axe_violations(page, ".sw-dates", ".sw-person-grid", ".sw-sponsors")
            if THEME_LINK_COLOUR not in line
        ]
        if problems:
            keep_screenshot(page, f"year-{theme}-{viewport}-{mode}")
        problems += log.problems()
    assert not problems, f"{theme}, {viewport}, {mode}:\n" + "\n".join(problems)
