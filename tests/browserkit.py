"""Shared parts of the browser tests: a loopback HTTP server and Debian's chromium under Playwright.

Playwright cannot download its own browsers here, so Chromium is launched by ``executable_path``.
Every test that uses these must be marked ``@pytest.mark.browser``.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

from systemtools import require

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

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


def chromium_path() -> str:
    """Debian's chromium (or the one ``CHROMIUM`` names); missing, it fails in CI and skips elsewhere."""
    return os.environ.get("CHROMIUM") or require("chromium", "chromium")


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


def axe_violations(page: Page, within: str = "", *, without: str = "") -> list[str]:
    """axe-core's violations on *page* (or in the elements matching the selector *within*, less those
    matching *without*), default and experimental rules, none disabled: one line each."""
    from axe_playwright_python.sync_playwright import Axe

    page.evaluate(Axe().axe_script)  # once: Axe.run() would inject its 500 kB again
    experimental = page.evaluate("axe.getRules(['experimental']).map((rule) => rule.ruleId)")
    assert "label-content-name-mismatch" in experimental
    # No CSSOM preload: axe resolves a stylesheet's @import against the page, not the stylesheet
    # (pydata-sphinx-theme's styles/theme.css imports "../basic.css"), and fetches files that do not exist;
    # it serves one rule only (css-orientation-lock), which the themes' stylesheets never trigger.
    options = {
        "resultTypes": ["violations"],
        "rules": {rule: {"enabled": True} for rule in experimental},
        "preload": False,
    }
    lines = []
    context: dict[str, Any] | None = {"include": [[within]] if within else [["html"]]}
    if without:
        context["exclude"] = [[without]]  # type: ignore[index]
    if not within and not without:
        context = None
    script = "([context, options]) => axe.run(context || document, options)"
    for violation in page.evaluate(script, [context, options])["violations"]:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
        summary = violation["nodes"][0].get("failureSummary", "").replace("\n", " ")[:160]
        lines.append(f"{violation['id']} ({violation['impact']}): {targets} {summary}")
    return lines
