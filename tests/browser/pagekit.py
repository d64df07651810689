"""Helpers of the browser tests: viewports, colour modes, a request/console log per page, WCAG contrast.

The site uses pydata-sphinx-theme's ``default_mode = "auto"``: a visitor's system colour scheme picks light
or dark. The tests emulate that scheme (Playwright's ``color_scheme``) and check the theme followed it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request, Response

from browserkit import VIEWPORTS
from sitebuild import PROJECT

MODES = ("light", "dark")
SCREENSHOTS = PROJECT / "test-artifacts" / "screenshots"

#: WCAG 2.x AA for normal text.
MIN_CONTRAST = 4.5


def site_pages(outdir: Path) -> list[str]:
    """Every HTML page of a built site, relative to *outdir* (theme fragments under ``_static`` excluded)."""
    pages = []
    for path in sorted(outdir.rglob("*.html")):
        relative = path.relative_to(outdir)
        if relative.parts[0].startswith(("_", ".")):
            continue
        pages.append(relative.as_posix())
    return pages


def keep_screenshot(page: Page, name: str) -> None:
    """A full-page screenshot of *page* kept as ``test-artifacts/screenshots/<name>.jpg`` for a person to
    look at (JPEG: a long page encodes in about half the time PNG takes)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.jpg", full_page=True, type="jpeg", quality=85)


@dataclass
class PageLog:
    """What one browser context asked for and complained about."""

    base_url: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    #: Requests made and not yet finished or failed.
    in_flight: set[Request] = field(default_factory=set)
    #: Documents loaded in the context's pages so far, and the document each request was made for.
    documents: int = 0
    made_for: dict[Request, int] = field(default_factory=dict)

    def foreign_requests(self) -> list[str]:
        """Requests to anything but the local server (``data:`` and ``blob:`` URLs stay in the page)."""
        local = urlsplit(self.base_url).netloc
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob", "about") and urlsplit(url).netloc != local
        ]

    def problems(self) -> list[str]:
        """Failed requests, console errors and foreign requests, one line each."""
        return (
            [f"failed request: {f}" for f in self.failures]
            + [f"console error: {e}" for e in self.console_errors]
            + [f"request to another host: {u}" for u in self.foreign_requests()]
        )

    def clear(self) -> None:
        """Forget what was logged so far (between two pages of one context)."""
        self.requests.clear()
        self.failures.clear()
        self.console_errors.clear()
        self.in_flight.clear()

    def attach(self, context: BrowserContext) -> None:
        """Log every request, failed request, HTTP error, console error and uncaught error of *context*."""

        def on_request(request: Request) -> None:
            if request.is_navigation_request() and request.frame.parent_frame is None:
                self.documents += 1
            self.made_for[request] = self.documents
            self.requests.append(request.url)
            self.in_flight.add(request)

        def on_finished(request: Request) -> None:
            self.in_flight.discard(request)

        def on_failed(request: Request) -> None:
            self.in_flight.discard(request)
            # Leaving a page cancels what it still loads (a favicon is asked for after the load event):
            # neither that page's problem nor the next one's. An HTTP error is always one.
            left_behind = self.made_for.get(request, self.documents) != self.documents
            if not (left_behind and request.failure == "net::ERR_ABORTED"):
                self.failures.append(f"{request.url} ({request.failure})")

        def on_response(response: Response) -> None:
            if response.status >= 400:
                self.failures.append(f"{response.url} (HTTP {response.status})")

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                self.console_errors.append(f"{message.text} at {message.location}")

        def on_page(page: Page) -> None:
            page.on("console", on_console)
            page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))

        context.on("request", on_request)
        context.on("requestfinished", on_finished)
        context.on("requestfailed", on_failed)
        context.on("response", on_response)
        context.on("page", on_page)


@contextmanager
def browse(
    browser: Browser, base_url: str, viewport: str, mode: str, **options: Any
) -> Iterator[tuple[Page, PageLog]]:
    """A fresh context at *viewport* in colour *mode*, its one page, and the log of what it does."""
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], color_scheme=mode, reduced_motion="reduce", **options
    )
    log = PageLog(base_url)
    log.attach(context)
    try:
        page = context.new_page()
        yield page, log
    finally:
        context.close()


def visit(page: Page, log: PageLog, url: str, mode: str, *, timeout: float = 10.0) -> None:
    """Load *url*, wait until its fonts are in and no request it made is still open, and check the theme
    is in *mode*.

    This is Playwright's ``networkidle`` without its fixed half-second of silence per page: the load event,
    then the font set, then every request the log saw start has finished or failed.
    """
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    deadline = time.monotonic() + timeout
    while log.in_flight:
        assert time.monotonic() < deadline, f"{url}: requests still open: {[r.url for r in log.in_flight]}"
        page.wait_for_timeout(5)
    theme = page.evaluate("document.documentElement.dataset.theme")
    assert theme == mode, f"{url}: the theme shows {theme!r}, not {mode!r} (prefers-color-scheme ignored?)"


# --- a citation's target ---------------------------------------------------------------------------

#: The computed style that a :target rule may change to mark the entry a reader jumped to.
MARK_STYLE_JS = """
async (el) => {
  await Promise.all(el.getAnimations({subtree: true}).map((a) => a.finished.catch(() => null)));
  const sig = (s) => [s.backgroundColor, s.color, s.outlineStyle, s.outlineColor, s.outlineWidth,
    s.boxShadow, s.borderLeftStyle, s.borderLeftColor, s.borderLeftWidth, s.fontWeight, s.textDecorationLine];
  return [...sig(getComputedStyle(el)), ...sig(getComputedStyle(el, '::before'))].join(' | ');
}
"""

#: Whether the element's top is in the viewport and the element itself is what a reader sees there.
SEEN_JS = """
(el) => {
  const r = el.getBoundingClientRect();
  const x = r.left + Math.min(r.width / 2, 24), y = r.top + Math.min(r.height / 2, 8);
  const hit = document.elementFromPoint(x, y);
  return {top: r.top, height: innerHeight, uncovered: !!hit && (hit === el || el.contains(hit))};
}
"""


# --- contrast -------------------------------------------------------------------------------------

#: For each element under the roots matching a selector that holds text of its own and is rendered (or
#: each rendered root, when not descending): its
#: text colour and the background colours of it and its ancestors, as RGBA read back from a canvas, which
#: understands every CSS colour syntax (rgb(), color(srgb ...), oklch(), color-mix() ...).
_COLOURS_JS = """
([selector, descend]) => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  const rgba = (css) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000';
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const d = ctx.getImageData(0, 0, 1, 1).data;
    return [d[0], d[1], d[2], d[3] / 255];
  };
  const ownText = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  const rendered = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible';
  const seen = new Set();
  for (const root of document.querySelectorAll(selector)) {
    if (!descend) {
      if (rendered(root)) seen.add(root);
      continue;
    }
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (ownText(el) && rendered(el)) seen.add(el);
    }
  }
  return [...seen].map((el) => {
    const backgrounds = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const layer = rgba(getComputedStyle(node).backgroundColor);
      if (layer[3] === 0) continue;
      backgrounds.push(layer);
      if (layer[3] >= 1) break;
    }
    const classes = typeof el.className === 'string' && el.className.trim()
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    const label = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + classes
      + ' "' + el.textContent.trim().slice(0, 40) + '"';
    return {label, color: rgba(getComputedStyle(el).color), backgrounds};
  });
}
"""


def _linear(channel: float) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG relative luminance of an sRGB colour (channels 0-255)."""
    r, g, b = (_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: tuple[float, float, float], bg: tuple[float, float, float]) -> float:
    """WCAG contrast ratio of two opaque colours, 1 to 21."""
    high, low = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _over(top: list[float], bottom: tuple[float, float, float]) -> tuple[float, float, float]:
    alpha = top[3]
    r, g, b = (top[i] * alpha + bottom[i] * (1 - alpha) for i in range(3))
    return (r, g, b)


def contrasts(page: Page, selector: str, *, descend: bool = True) -> list[tuple[str, float]]:
    """(label, WCAG contrast ratio) of every rendered element holding text under the *selector* matches,
    or, with ``descend=False``, of the matches themselves (links whose content is an icon in currentColor).

    The effective background composites the element's and its ancestors' background colours over white
    (what a browser paints first); a semi-transparent text colour is composited over that.
    """
    results = []
    for item in page.evaluate(_COLOURS_JS, [selector, descend]):
        background: tuple[float, float, float] = (255.0, 255.0, 255.0)
        for layer in reversed(item["backgrounds"]):
            background = _over(layer, background)
        text = _over(item["color"], background)
        results.append((item["label"], round(contrast(text, background), 2)))
    return results
