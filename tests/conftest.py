"""Shared fixtures: Sphinx's test app over ``tests/roots`` and builds of the real site."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings
from sitebuild import SiteBuild, build_site

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
