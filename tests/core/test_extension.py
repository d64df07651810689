"""The extension's entry point, shared helpers and config validation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from kit import documented, warning_lines

import sphinx_workshop
from sphinx_workshop.assets import PAGE_ASSETS, STATIC_DIR, STYLESHEET
from sphinx_workshop.diagnostics import warn
from sphinx_workshop.links import is_safe_url


@pytest.mark.sphinx("html", testroot="core-config", freshenv=True)
def test_setup_metadata_and_bad_config_falls_back(app) -> None:
    app.build()
    meta = app.extensions["sphinx_workshop"]
    assert meta.version == sphinx_workshop.__version__
    assert meta.parallel_read_safe is True
    assert meta.parallel_write_safe is True
    assert app.config.workshop_twitter_base_url == "https://twitter.com/"
    assert (
        "<src>/conf.py:2: WARNING: invalid value 'javascript:alert(1)//' for "
        "workshop_twitter_base_url (expected an http(s) URL); using the default 'https://twitter.com/' "
        "[workshop.config]"
    ) in warning_lines(app)


@pytest.mark.sphinx("html", testroot="core-config-type", freshenv=True)
def test_a_value_of_the_wrong_type_gives_one_warning(app) -> None:
    app.build()
    assert app.config.workshop_twitter_base_url == "https://twitter.com/"
    assert warning_lines(app) == [
        "<src>/conf.py:2: WARNING: invalid value 42 for workshop_twitter_base_url "
        "(expected an http(s) URL); using the default 'https://twitter.com/' [workshop.config]"
    ]


def test_a_value_set_without_its_name_warns_at_conf_py(make_app, tmp_path: Path) -> None:
    """No line of conf.py names the value (it is set through ``globals()``): the warning is at the file,
    as Sphinx writes a location without a line (a bare path would be taken for a document name)."""
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx_workshop"]\nglobals()["workshop_twitter_base_url"] = "ftp://x/"\n',
        encoding="utf-8",
    )
    (tmp_path / "index.rst").write_text("Title\n=====\n", encoding="utf-8")
    app = make_app("html", srcdir=tmp_path, freshenv=True)
    app.build()
    assert warning_lines(app) == [
        "<src>/conf.py:: WARNING: invalid value 'ftp://x/' for workshop_twitter_base_url "
        "(expected an http(s) URL); using the default 'https://twitter.com/' [workshop.config]"
    ]


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://arxiv.org/abs/1712.01208", True),
        ("http://example.org", True),
        ("mailto:mlforsystems@googlegroups.com", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("data:text/html,<b>x</b>", False),
        ("ftp://example.org/x", False),
        ("//example.org/x", False),
        ("https://", False),
        ("https://exa mple.org", False),
        ('https://example.org/"onmouseover="x', False),
        ("", False),
        ("mailto:", False),
        # mailto: every address of the list has a local part, an @ and a valid host, and no authority
        ("mailto:a@example.org,b@example.com", True),
        ("mailto:a@example.org,nobody", False),
        ("mailto:a@example.org?subject=Hello", True),
        ("mailto:first%20last@example.org", False),  # unescaped, a space
        ("mailto:@example.org", False),
        ("mailto:a@", False),
        ("mailto:a@exa mple.org", False),
        ("mailto://a@example.org", False),
        ("mailto:a@b@example.org", True),  # the host is what follows the last @
        ("mailto:a%0a@example.org", False),  # an escaped line break: a header injection
    ],
)
def test_is_safe_url(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe


def test_warn_refuses_unregistered_subtype() -> None:
    from sphinx.util import logging

    with pytest.raises(ValueError, match="unregistered"):
        warn(logging.getLogger(__name__), "no_such_subtype", "x", location=None)


def test_static_assets_stay_small() -> None:
    """What every page loads stays under 5 KB; a page script (on the pages that need it) under 1 KB, the
    accepted-papers index's search box (filtering, URL state, keyboard) under 2.5 KB and the stylesheet of
    the index and the papers' pages (entries, search box, award badge, previous/next) under 1.5 KB."""
    files = [p for p in STATIC_DIR.iterdir() if p.suffix in {".css", ".js"}]
    total = sum(p.stat().st_size for p in files if p.name not in PAGE_ASSETS)
    assert 0 < total < 5 * 1024, f"the extension's site-wide CSS and JS weigh {total} bytes"
    budgets = {"accepted-search.js": 2560, "accepted.css": 1536}
    for name in PAGE_ASSETS:
        assert 0 < (STATIC_DIR / name).stat().st_size < budgets.get(name, 1024), name


@pytest.mark.sphinx("html", testroot="themes", freshenv=True)
def test_static_files_live_in_a_folder_of_ours(app) -> None:
    """A project's own ``_static/schedule.css`` stays its own; ours are in ``_static/sphinx-workshop/``."""
    app.build()
    own = (app.srcdir / "_static" / "schedule.css").read_text(encoding="utf-8")
    assert (app.outdir / "_static" / "schedule.css").read_text(encoding="utf-8") == own
    ours = sorted(p.name for p in (app.outdir / "_static" / "sphinx-workshop").iterdir())
    assert ours == sorted(p.name for p in STATIC_DIR.iterdir())
    assert not (app.outdir / "_static" / "people.css").exists()


def test_docs_name_every_colour_property_of_the_stylesheet() -> None:
    """The themes page's ``:root { --sw-color-...: ... }`` example sets exactly the properties the CSS
    reads."""
    example = documented("themes").split("```css", 1)[1].split("```", 1)[0]
    named = set(re.findall(r"(--sw-color-[a-z-]+):", example))
    css = (STATIC_DIR / STYLESHEET).read_text(encoding="utf-8")
    assert named == set(re.findall(r"var\((--sw-color-[a-z-]+)", css))
