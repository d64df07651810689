"""Fixtures of the browser tests: the built site on a loopback server and one chromium per session."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from browserkit import chromium_session, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser
    from sitebuild import SiteBuild


@pytest.fixture(scope="session")
def site_url(site_html: SiteBuild) -> Iterator[str]:
    """The base URL (ending in ``/``) of the real site, built once and served on 127.0.0.1."""
    with serve(site_html.outdir) as url:
        yield url


@pytest.fixture(scope="module")
def chromium(site_url: str) -> Iterator[Browser]:
    """Debian's chromium, headless, shared by the tests of one module.

    The site is built (``site_url``) before Playwright starts, and Playwright stops at the end of each
    module: a process forked by a build while the Playwright driver runs (sphinx-sitemap starts a
    ``multiprocessing.Manager`` and never shuts it down) inherits the driver's pipe, and stopping
    Playwright would then wait for it forever.
    """
    with chromium_session() as browser:
        yield browser
