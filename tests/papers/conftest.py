"""Fixtures of the papers tests: one build of a root shared by a module's assertions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp


@pytest.fixture(scope="module")
def build_once(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., SphinxTestApp]:
    """Build a root (read-only, under ``tests/roots``) into a private folder.

    The app is cleaned up (docutils' global registrations undone) right after its build, so several
    builds can share a module; its outdir, env and warning stream stay readable.
    """

    def build(root: str, builder: str = "html", **kwargs: Any) -> SphinxTestApp:
        srcdir = kwargs.pop("srcdir", None) or Path(__file__).resolve().parents[1] / "roots" / f"test-{root}"
        out = tmp_path_factory.mktemp(f"{root}-{builder}")
        app = SphinxTestApp(builder, srcdir=srcdir, builddir=out, freshenv=True, **kwargs)
        try:
            app.build()
        finally:
            app.cleanup()
        return app

    return build
