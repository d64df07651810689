"""Shared fixtures: Sphinx's test app over ``tests/roots`` and builds of the real site."""

from __future__ import annotations

import copy
import functools
import gc
import logging
import os
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import docutils.frontend
import jinja2
import pytest
import sphinx.theming
import sphinx.util.docutils
import sphinx.util.logging
from hypothesis import settings
from jinja2.sandbox import SandboxedEnvironment
from sitebuild import SiteBuild, build_site
from sphinx.jinja2glue import BuiltinTemplateLoader
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ["sphinx.testing.fixtures"]

# In CI, property tests explore the same examples on every run, so a red run can be reproduced.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_configure(config: pytest.Config) -> None:
    """Under a mutmut mutant, run each chosen test's whole module.

    mutmut runs, for a mutant, the tests that reached its function when it mapped them, and it credits a
    call to the test during whose setup, call or teardown it happened: a module's builds (``build_once``
    and the other module fixtures) are credited to its first test only, while the module's other tests
    check what those builds made.
    """
    if "__mutmut_" in os.environ.get("MUTANT_UNDER_TEST", ""):
        config.args[:] = list(dict.fromkeys(arg.split("::", 1)[0] for arg in config.args))


def pytest_collection_finish(session: pytest.Session) -> None:
    """What importing and collecting made (modules, test items, strategies) lives as long as the session:
    it is moved out of the garbage collector's sight (``gc.freeze``), so a full collection traverses only
    what the tests make."""
    gc.collect()
    gc.freeze()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[object]:
    """After a module's last test, once its fixtures are torn down: its garbage is collected and what is
    left (the session's builds and caches) is frozen too.

    A test process holds many builds' objects at once; without this, 20 of the 150 CPU-seconds of the
    tests that drive no browser went to full collections traversing them, again and again.
    """
    result = yield
    if nextitem is None or nextitem.path != item.path:
        gc.collect()
        gc.freeze()
    return result


def compiled_alike(environment: jinja2.Environment) -> tuple[str, ...]:
    """What tells apart how two Sphinx environments compile one source: their class and extensions
    (``jinja2.ext.i18n`` compiles ``{% trans %}`` differently)."""
    return (type(environment).__qualname__, *sorted(environment.extensions))


class SharedBytecode(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept for every Sphinx build of one test process.

    Each Sphinx app makes a new Jinja environment, which compiles the theme's templates again: more than
    half of a one-page build. Jinja checks each entry against its template's source checksum, and the
    entries are kept apart by ``compiled_alike``.
    """

    def __init__(self) -> None:
        self.store: dict[tuple[str, ...], bytes] = {}

    @staticmethod
    def _key(bucket: jinja2.bccache.Bucket) -> tuple[str, ...]:
        return (bucket.key, *compiled_alike(bucket.environment))

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store.get(self._key(bucket))
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[self._key(bucket)] = bucket.bytecode_to_string()


@pytest.fixture(scope="session", autouse=True)
def shared_template_bytecode() -> Iterator[None]:
    """Builds in this process reuse compiled templates (the builds themselves are unchanged).

    Theme templates go through the bytecode cache; the ``*_t`` static files Sphinx renders from a string
    (``copy_asset_file``) are compiled by ``Environment.compile`` without a name, once per source here.
    """
    cache = SharedBytecode()
    original_init = BuiltinTemplateLoader.init
    original_compile = SandboxedEnvironment.compile
    compiled: dict[tuple[str, ...], Any] = {}

    def init(self: BuiltinTemplateLoader, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        self.environment.bytecode_cache = cache

    def compile(self: SandboxedEnvironment, source: Any, name: Any = None, *args: Any, **kwargs: Any) -> Any:
        if name is not None or args or kwargs or not isinstance(source, str):
            return original_compile(self, source, name, *args, **kwargs)
        key = (source, *compiled_alike(self))
        if key not in compiled:
            compiled[key] = original_compile(self, source)
        return compiled[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BuiltinTemplateLoader, "init", init)
        patch.setattr(SandboxedEnvironment, "compile", compile)
        yield


@pytest.fixture(scope="session", autouse=True)
def cached_theme_entry_points() -> Iterator[None]:
    """Each Sphinx app looks up the ``sphinx.html_themes`` entry points, a scan of every installed
    distribution's metadata; the distributions of this interpreter do not change during a session."""
    lookup = functools.cache(sphinx.theming.entry_points)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sphinx.theming, "entry_points", lookup)
        yield


@pytest.fixture(scope="session", autouse=True)
def docutils_defaults_once() -> Iterator[None]:
    """Sphinx 9 (``sphinx.util.docutils._get_settings``) makes docutils' ``OptionParser``, a few hundred
    optparse options, for every document it reads and every build it writes, only to take its default
    values. Here the defaults of one set of components are made once and copied; the defaults Sphinx
    passes are laid over the copy, as the parser would. When a docutils configuration file exists
    (``DOCUTILSCONFIG``, ``./docutils.conf``, ``~/.docutils``, ``/etc/docutils.conf``), whose settings
    come last, the parser is made as before.
    """
    original = getattr(sphinx.util.docutils, "_get_settings", None)
    if original is None:  # an older Sphinx makes its settings elsewhere
        yield
        return
    made: dict[tuple[Any, ...], dict[str, Any]] = {}

    def get_settings(*components: Any, defaults: Any, read_config_files: bool = False) -> Any:
        if read_config_files:
            files = docutils.frontend.OptionParser.get_standard_config_files()
            if any(os.path.isfile(name) for name in files):
                return original(*components, defaults=defaults, read_config_files=True)
        key = tuple(c if isinstance(c, type) else type(c) for c in components)
        if key not in made:
            made[key] = dict(original(*components, defaults={}).__dict__)
            del made[key]["record_dependencies"], made[key]["_config_files"]  # made anew for each
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            values = docutils.frontend.Values({**copy.deepcopy(made[key]), **defaults})
        values._config_files = []
        return values

    with pytest.MonkeyPatch.context() as patch:
        for name, module in list(sys.modules.items()):
            if name.startswith("sphinx.") and getattr(module, "_get_settings", None) is original:
                patch.setattr(module, "_get_settings", get_settings)
        yield


@pytest.fixture(scope="session", autouse=True)
def debug_records_only_when_shown() -> Iterator[None]:
    """Sphinx sets its logger to DEBUG whatever the verbosity and lets its handlers drop what is not shown:
    every ``logger.debug`` of an app (hundreds while its extensions register) makes a record no handler
    takes. Here the logger's own level is the verbosity's, which drops those records before they are made.
    """
    original = sphinx.util.logging.setup

    def setup(app: Any, *args: Any, **kwargs: Any) -> None:
        original(app, *args, **kwargs)
        verbosity = kwargs.get("verbosity", getattr(app, "verbosity", 0))  # Sphinx < 8 reads the app's
        level = sphinx.util.logging.VERBOSITY_MAP[max(verbosity, 0)]
        logging.getLogger(sphinx.util.logging.NAMESPACE).setLevel(level)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sphinx.util.logging, "setup", setup)
        yield


@pytest.fixture(scope="session", autouse=True)
def empty_extension_caches() -> None:
    """Each test session starts with the extension's ``functools`` caches empty (parsed .bib files,
    decoded LaTeX, parsed filters, time zones).

    A session normally starts with them empty anyway; mutmut runs each mutant's tests in a process forked
    from one that ran the unmutated tests, whose cached results would hide the mutated code.
    """
    for name, module in list(sys.modules.items()):
        if name == "sphinx_workshop" or name.startswith("sphinx_workshop."):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


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
