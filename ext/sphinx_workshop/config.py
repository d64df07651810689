"""The extension's configuration values: one ``add_config_value`` each, validated on ``config-inited``.

Each feature declares its values with :func:`add_checked_value`: the declaration Sphinx takes, and the
test a value must pass beyond its types. A value of the wrong type or out of range warns once
(``workshop.config``, at the line of ``conf.py`` that sets it) and falls back to its default.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sphinx
from sphinx.util import logging

from sphinx_workshop.diagnostics import warn
from sphinx_workshop.links import is_safe_url

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

STR, LIST, BOOL = frozenset({str}), frozenset({list, tuple}), frozenset({bool})

#: config value -> (the test a value must pass beyond its declared types, what a good value is).
_CHECKS: dict[str, tuple[Callable[[Any], bool], str]] = {}


def add_checked_value(
    app: Sphinx,
    name: str,
    default: Any,
    *,
    types: frozenset[type],
    description: str,
    check: Callable[[Any], bool],
    expected: str,
) -> None:
    """Declare config value *name* (rebuilding the environment when it changes) and the test of its value."""
    app.add_config_value(name, default, "env", types=types, description=description)
    _CHECKS[name] = (check, expected)


def declared_names() -> tuple[str, ...]:
    """The names of the config values declared with :func:`add_checked_value`, in declaration order."""
    return tuple(_CHECKS)


def setup_config(app: Sphinx) -> None:
    """Declare the shared config values; check every declared value once conf.py is read."""
    add_checked_value(
        app,
        "workshop_twitter_base_url",
        "https://twitter.com/",
        types=STR,
        description="Base URL of Twitter profile links; set to 'https://x.com/' to link there instead.",
        check=lambda v: is_safe_url(v, schemes=frozenset({"https", "http"})),
        expected="an http(s) URL",
    )
    # Before Sphinx's own type check (priority 800): a bad value is replaced by its default first,
    # so it gives one warning, ours, not also Sphinx's generic "has type" warning.
    app.connect("config-inited", _validate, priority=790)
    app.connect("config-inited", _show_warning_types)


def _validate(app: Sphinx, config: Config) -> None:
    for name, (check, expected) in _CHECKS.items():
        if name not in config.values:
            continue  # declared by a feature this app did not set up
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
    """``<confdir>/conf.py:<line>`` of the statement that sets config value *name* (``<confdir>/conf.py:``
    if none names it, None if it was given with ``-D`` or conf.py cannot be read).

    Sphinx does not record where a value was set: the statement is found in conf.py as Python parses it
    (an assignment, augmented or annotated, anywhere in the file; the last one sets the value).
    """
    if name in app.config.overrides:
        return None
    conf = Path(app.confdir, "conf.py")
    try:
        tree = ast.parse(conf.read_bytes(), filename=str(conf))
    except (OSError, SyntaxError, ValueError):
        return None
    lines = [
        statement.lineno
        for statement in ast.walk(tree)
        if isinstance(statement, (ast.Assign, ast.AugAssign, ast.AnnAssign))
        and any(
            isinstance(target, ast.Name) and target.id == name
            for target in (statement.targets if isinstance(statement, ast.Assign) else [statement.target])
        )
    ]
    # No statement names it (set through globals(), say): the file, written as Sphinx writes a location
    # without a line. A location string without ":" would be taken for a document name.
    return f"{conf}:{max(lines)}" if lines else f"{conf}:"


def _show_warning_types(app: Sphinx, config: Config) -> None:
    # Sphinx 8 shows each warning's "[workshop.<subtype>]", the name suppress_warnings takes; 7.4 has the
    # option but defaults it to off. Turn it on there too, unless conf.py (or -D) sets it.
    chosen = (
        "show_warning_types" in getattr(config, "_raw_config", {}) or "show_warning_types" in config.overrides
    )
    if sphinx.version_info < (8,) and not chosen:
        config.show_warning_types = True
