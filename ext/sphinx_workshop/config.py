"""The extension's configuration values: one ``add_config_value`` each, validated on ``config-inited``.

A value of the wrong type or out of range warns once (``workshop.config``, at the line of ``conf.py``
that sets it) and falls back to its default.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sphinx
from sphinx.util import logging

from sphinx_workshop.diagnostics import warn
from sphinx_workshop.links import is_safe_url
from sphinx_workshop.papers.styles import STYLES

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

_STR, _LIST, _BOOL = frozenset({str}), frozenset({list, tuple}), frozenset({bool})


def _is_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


#: config value -> (the test a value must pass beyond its declared types, what a good value is).
CHECKS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "workshop_twitter_base_url": (
        lambda v: is_safe_url(v, schemes=frozenset({"https", "http"})),
        "an http(s) URL",
    ),
    "papers_style": (lambda v: v in STYLES, "a registered entry style"),
    "papers_bibtex_encoding": (_is_codec, "a Python codec name"),
    "papers_bibfiles": (
        lambda v: all(isinstance(name, str) and name.strip() for name in v),
        "a list of paths (strings)",
    ),
    "papers_short_names": (lambda _value: True, "True or False"),
    "papers_cite_this": (lambda v: v is True or v is False or v == "auto", "'auto', True or False"),
}


def setup_config(app: Sphinx) -> None:
    """Declare the extension's config values; check them (:data:`CHECKS`) once conf.py is read."""
    app.add_config_value(
        "workshop_twitter_base_url",
        "https://twitter.com/",
        "env",
        types=_STR,
        description="Base URL of Twitter profile links; set to 'https://x.com/' to link there instead.",
    )
    app.add_config_value(
        "papers_style",
        "title-first",
        "env",
        types=_STR,
        description="The entry style of references lists ('title-first', 'author-first' or one registered).",
    )
    app.add_config_value(
        "papers_bibtex_encoding",
        "utf-8",
        "env",
        types=_STR,
        description="The encoding of .bib files (a list's :encoding: overrides it).",
    )
    app.add_config_value(
        "papers_bibfiles",
        [],
        "env",
        types=_LIST,
        description="The project's .bib files, relative to the source folder: any page may cite their "
        "entries, and a references list without :bibfile: or body lists them.",
    )
    app.add_config_value(
        "papers_short_names",
        True,
        "env",
        types=_BOOL,
        description="Register the short names ({cite}, {cite:t}, {footcite}, references, ...) where no other "
        "extension has them; False: only the domain's names ({papers:cite}, ...).",
    )
    app.add_config_value(
        "papers_cite_this",
        "auto",
        "env",
        types=frozenset({str, bool}),
        description="Which references lists show each entry's BibTeX and write a .bib: 'auto' (those holding "
        "inline paper entries), True (all) or False (none); a list's :cite-this: or :no-cite-this: "
        "decides for it.",
    )
    # Before Sphinx's own type check (priority 800): a bad value is replaced by its default first,
    # so it gives one warning, ours, not also Sphinx's generic "has type" warning.
    app.connect("config-inited", _validate, priority=790)
    app.connect("config-inited", _show_warning_types)


def _validate(app: Sphinx, config: Config) -> None:
    for name, (check, expected) in CHECKS.items():
        declared = config.values[name]
        current = config[name]
        types = declared.valid_types  # a frozenset: every value above declares its types
        if not (isinstance(types, frozenset) and isinstance(current, tuple(types)) and check(current)):
            warn(
                logger,
                "config",
                f"invalid value {current!r} for {name} (expected {expected}); "
                f"using the default {declared.default!r}",
                location=conf_location(app, name),
            )
            config[name] = declared.default


def conf_location(app: Sphinx, name: str) -> str | None:
    """``<confdir>/conf.py:<line>`` of the line that sets config value *name* (``<confdir>/conf.py:`` if
    no line names it, None if it was given with ``-D`` or conf.py cannot be read).

    Sphinx does not record where a value was set, so the line is found by name; a value given with
    ``-D`` (the only way to set one without ``conf.py``) has no location.
    """
    if name in app.config.overrides:
        return None
    conf = Path(app.confdir, "conf.py")
    try:
        lines = conf.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    setting = re.compile(rf"\s*{re.escape(name)}\s*(:[^=]*)?\+?=")
    for number, line in enumerate(lines, 1):
        if setting.match(line):
            return f"{conf}:{number}"
    # No line names it (set through globals(), say): the file, written as Sphinx writes a location
    # without a line. A location string without ":" would be taken for a document name.
    return f"{conf}:"


def _show_warning_types(app: Sphinx, config: Config) -> None:
    # Sphinx 8 shows each warning's "[workshop.<subtype>]", the name suppress_warnings takes; 7.4 has the
    # option but defaults it to off. Turn it on there too, unless conf.py (or -D) sets it.
    chosen = (
        "show_warning_types" in getattr(config, "_raw_config", {}) or "show_warning_types" in config.overrides
    )
    if sphinx.version_info < (8,) and not chosen:
        config.show_warning_types = True
