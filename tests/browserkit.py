"""Shared parts of the browser tests: a loopback HTTP server and Debian's chromium under Playwright.

Playwright cannot download its own browsers here, so Chromium is launched by ``executable_path``: Debian's
``chromium-headless-shell`` when installed (the build Playwright itself runs headless tests on: the same
Blink, a quarter less CPU than the full browser run headless), else ``chromium``.
Every test that uses these must be marked ``@pytest.mark.browser``.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

from systemtools import require

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Playwright

#: The widths every browser test loads pages at: a laptop's and a phone's.
VIEWPORTS: dict[str, dict[str, int]] = {
    "desktop": {"width": 1280, "height": 800},
    "phone": {"width": 390, "height": 844},
}
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


#: Debian's headless build of chromium, what ``.ci/run`` installs; the full browser will do as well.
HEADLESS_SHELL = "chromium-headless-shell"


def chromium_path() -> str:
    """The chromium to launch: the one ``CHROMIUM`` names, else Debian's headless shell, else its full
    chromium; neither installed, it fails in CI and skips elsewhere."""
    chosen = os.environ.get("CHROMIUM") or shutil.which(HEADLESS_SHELL) or shutil.which("chromium")
    return chosen or require(HEADLESS_SHELL, HEADLESS_SHELL)


def launch_chromium(playwright: Playwright, **kwargs: Any) -> Browser:
    """Launch Debian's chromium headless, with no traffic to anything but what the page asks for."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, **kwargs)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve *directory* on 127.0.0.1 (a free port) and yield the base URL, ending in ``/``."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def chromium_session() -> Iterator[Browser]:
    """Playwright and Debian's chromium, stopped and closed on leaving."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def load_page(browser: Browser, url: str, **context: Any) -> Iterator[tuple[Page, list[str]]]:
    """*url* loaded in a fresh context of *browser* (*context*: Playwright's ``new_context`` options),
    and the list its uncaught errors go to; the context is closed on leaving."""
    browser_context = browser.new_context(**context)
    try:
        page = browser_context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(url)
        yield page, errors
    finally:
        browser_context.close()


@contextmanager
def open_page(outdir: Path, name: str, **context: Any) -> Iterator[tuple[Page, list[str]]]:
    """Page *name* of a built *outdir*, served on 127.0.0.1 and loaded in a fresh chromium context
    (*context*: Playwright's ``new_context`` options), and the list its uncaught errors go to."""
    with (
        serve(outdir) as base,
        chromium_session() as browser,
        load_page(browser, base + name, **context) as got,
    ):
        yield got


@functools.cache
def _axe_script() -> str:
    """axe-core's script as axe-playwright-python ships it (570 kB, read once)."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


#: axe's options: every default and experimental rule (the experimental ones are off unless named), and
#: only the violations in the result (a rule that passes is not sent back). No CSSOM preload: axe resolves
#: a stylesheet's @import against the page, not the stylesheet (pydata-sphinx-theme's styles/theme.css
#: imports "../basic.css"), and fetches files that do not exist; it serves one rule only
#: (css-orientation-lock), which the themes' stylesheets never trigger.
_AXE_RUN_JS = """
async ([context, exclude]) => {
  const experimental = axe.getRules(['experimental']).map((rule) => rule.ruleId);
  if (!experimental.includes('label-content-name-mismatch')) throw new Error('axe lacks WCAG 2.5.3');
  const rules = Object.fromEntries(experimental.map((rule) => [rule, {enabled: true}]));
  const options = {resultTypes: ['violations'], rules, preload: false};
  const where = context.length || exclude ? {include: context.length ? context : [['html']]} : document;
  if (exclude) where.exclude = [[exclude]];
  return (await axe.run(where, options)).violations.map((violation) => ({
    id: violation.id, impact: violation.impact,
    targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    summary: (violation.nodes[0].failureSummary || '').replace(/\\n/g, ' ').slice(0, 160),
  }));
}
"""


def add_axe(context: BrowserContext) -> None:
    """axe-core in every document *context* loads from now on, ready before the page's own scripts: for
    contexts whose every page is checked (a script given once is cheaper than one sent with each check)."""
    context.add_init_script(_axe_script())


def axe_violations(page: Page, *within: str, without: str = "") -> list[str]:
    """axe-core's violations on *page* (or in the elements matching the selectors *within*, less those
    matching *without*), default and experimental rules, none disabled: one line each.

    axe is added to the page's document once (unless ``add_axe`` put it there), however many times it is
    asked about that document.
    """
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(_axe_script())
    found = page.evaluate(_AXE_RUN_JS, [[[selector] for selector in within], without])
    return [f"{v['id']} ({v['impact']}): {v['targets']} {v['summary']}" for v in found]
