"""The supported-version matrix (``make test-matrix``): the extension's own tests, without the site and
the browser, on each Python and Sphinx the package declares, with the docutils and myst-parser that
the resolver picks for that Sphinx. ``nox -t ends`` runs the lowest and the highest combination (CI)."""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "uv"
nox.options.error_on_missing_interpreters = True
nox.options.reuse_venv = "yes"

#: (Python, Sphinx) pairs; Sphinx 8.2 and 9 need Python 3.11 or later. The ends are the declared range.
MATRIX = [
    nox.param("3.10", "7.4", id="py3.10-sphinx7.4", tags=["ends"]),
    nox.param("3.10", "8.1", id="py3.10-sphinx8.1"),
    nox.param("3.11", "8.2", id="py3.11-sphinx8.2"),
    nox.param("3.12", "9", id="py3.12-sphinx9"),
    nox.param("3.13", "9", id="py3.13-sphinx9", tags=["ends"]),
]

#: What the selected tests import or build with (the test roots use MyST and sphinx-book-theme).
TEST_DEPS = [
    "myst-parser",
    "sphinx-book-theme",
    "pytest>=8",
    "pytest-xdist>=3.6",
    "pytest-regressions>=2.5",
    "beautifulsoup4>=4.12",
    "lxml>=5",
    "hypothesis>=6.100",
    "icalendar>=6",
    "defusedxml>=0.7",
    "check-jsonschema>=0.29",
    "sphinx-notfound-page>=1.0",  # tests/core/test_repairs.py
    "sphinxcontrib-bibtex>=2.6",  # tests/papers/test_papers_with_bibtex.py: both extensions loaded
]

#: The extension's tests: no whole-site build (tests/site, tests/quality's site checks), no browser.
TESTS = [
    "tests/accepted",
    "tests/core",
    "tests/dates",
    "tests/hostile",
    "tests/papers",
    "tests/people",
    "tests/schedule",
    "tests/sponsors",
    "tests/i18n",
    "tests/package/test_package_readme.py",
    "tests/quality/test_properties.py",
    "tests/quality/test_quality_bad_input.py",
]


@nox.session
@nox.parametrize("python,sphinx", MATRIX)
def tests(session: nox.Session, sphinx: str) -> None:
    """Install the package (not editable) with ``sphinx==<sphinx>.*`` and run the extension's tests."""
    # Rebuilt each run: uv would otherwise keep a cached build of the unchanged version number.
    session.install("--reinstall-package", "sphinx-workshop", ".", f"sphinx=={sphinx}.*", *TEST_DEPS)
    session.run(
        "python",
        "-c",
        "import sys, sphinx, docutils, myst_parser; "
        "print('Python', sys.version.split()[0], '| Sphinx', sphinx.__version__, "
        "'| docutils', docutils.__version__, '| myst-parser', myst_parser.__version__)",
    )
    session.run(
        "python",
        "-m",
        "pytest",
        "-q",
        "-n",
        "2",
        "--dist",
        "loadfile",
        "-m",
        "not browser and not slow",
        *TESTS,
        *session.posargs,
    )
