"""The extension's configuration values: declared once, typed, and validated on ``config-inited``.

A value of the wrong type or out of range warns (``workshop.config``) and falls back to its default.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import sphinx
from sphinx.util import logging

from sphinx_workshop.diagnostics import warn
from sphinx_workshop.links import is_safe_url
from sphinx_workshop.papers.styles import STYLES

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)


def _is_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


@dataclass(frozen=True)
class ConfigValue:
    """One ``conf.py`` setting the extension adds."""

    name: str
    default: Any
    rebuild: Literal["env", "html", ""]
    types: tuple[type, ...]
    description: str
    check: Callable[[Any], bool] | None = None
    expected: str = ""


CONFIG_VALUES: tuple[ConfigValue, ...] = (
    ConfigValue(
        "workshop_twitter_base_url",
        "https://twitter.com/",
        "env",
        (str,),
        "Base URL of Twitter profile links; set to 'https://x.com/' to link there instead.",
        lambda v: is_safe_url(v, schemes=frozenset({"https", "http"})),
        "an http(s) URL",
    ),
    ConfigValue(
        "papers_style",
        "title-first",
        "env",
        (str,),
        "The entry style of references lists ('title-first', 'author-first' or one registered).",
        lambda v: v in STYLES,
        "a registered entry style",
    ),
    ConfigValue(
        "papers_bibtex_encoding",
        "utf-8",
        "env",
        (str,),
        "The encoding of .bib files (a list's :encoding: overrides it).",
        _is_codec,
        "a Python codec name",
    ),
    ConfigValue(
        "papers_cite_this",
        "auto",
        "env",
        (str, bool),
        "Which references lists show each entry's BibTeX and write a .bib: 'auto' (those holding "
        "inline paper entries), True (all) or False (none); a list's :cite-this: or :no-cite-this: "
        "decides for it.",
        lambda v: v is True or v is False or v == "auto",
        "'auto', True or False",
    ),
)


def _validate(app: Sphinx, config: Config) -> None:
    for value in CONFIG_VALUES:
        current = config[value.name]
        ok = isinstance(current, value.types) and (value.check is None or value.check(current))
        if not ok:
            warn(
                logger,
                "config",
                f"invalid value {current!r} for {value.name} (expected {value.expected or value.types}); "
                f"using the default {value.default!r}",
                location=None,
            )
            config[value.name] = value.default


def _show_warning_types(app: Sphinx, config: Config) -> None:
    # Sphinx 8 shows each warning's "[workshop.<subtype>]", the name suppress_warnings takes; 7.4 has the
    # option but defaults it to off. Turn it on there too, unless conf.py (or -D) sets it.
    chosen = (
        "show_warning_types" in getattr(config, "_raw_config", {}) or "show_warning_types" in config.overrides
    )
    if sphinx.version_info < (8,) and not chosen:
        config.show_warning_types = True


def setup_config(app: Sphinx) -> None:
    """Declare every config value of :data:`CONFIG_VALUES` and validate them once conf.py is read."""
    for value in CONFIG_VALUES:
        app.add_config_value(
            value.name, value.default, value.rebuild, types=value.types, description=value.description
        )
    # Before Sphinx's own type check (priority 800): a bad value is replaced by its default first,
    # so it gives one warning, ours, not also Sphinx's generic "has type" warning.
    app.connect("config-inited", _validate, priority=790)
    app.connect("config-inited", _show_warning_types)
