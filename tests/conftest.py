"""Shared fixtures: Sphinx's test app over ``tests/roots`` and builds of the real site."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from sitebuild import SiteBuild, build_site
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ["sphinx.testing.fixtures"]

# In CI, property tests explore the same examples on every run, so a red run can be reproduced.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where the ``test-<case>`` projects live, for ``@pytest.mark.sphinx(testroot=...)``."""
    return Path(__file__).parent / "roots"


@pytest.fixture(scope="session")
def site_html(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    """The real site (``conf.py`` at the top, ``source/``) built once with the html builder."""
    return build_site("html", tmp_path_factory.mktemp("site-html"))


@pytest.fixture(scope="module")
def build_once(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., SphinxTestApp]:
    """Build a root (read-only, under ``tests/roots``) into a private folder.

    The app is cleaned up (docutils' global registrations undone) right after its build, so several
    builds can share a module; its outdir, env and warning stream stay readable.
    """

    def build(root: str, builder: str = "html", **kwargs: Any) -> SphinxTestApp:
        srcdir = kwargs.pop("srcdir", None) or Path(__file__).resolve().parent / "roots" / f"test-{root}"
        out = tmp_path_factory.mktemp(f"{root}-{builder}")
        app = SphinxTestApp(builder, srcdir=srcdir, builddir=out, freshenv=True, **kwargs)
        try:
            app.build()
        finally:
            app.cleanup()
        return app

    return build
