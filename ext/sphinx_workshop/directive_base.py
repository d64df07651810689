"""What every directive of the extension shares: tolerant options and warnings at the right line.

Docutils rejects an unknown option by failing the whole directive. Ours let every option through
(:class:`TolerantOptionSpec`) and report the unknown ones themselves, as ``workshop.unknown_option``
at the option's own line, so the rest of the directive still renders.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_workshop.diagnostics import warn

logger = logging.getLogger(__name__)


class TolerantOptionSpec(dict[str, Callable[[str], Any]]):
    """An option spec that accepts unknown options (as text), for the directive to warn about."""

    def __missing__(self, key: str) -> Callable[[str], Any]:
        return directives.unchanged


def tolerant_options(known: tuple[str, ...], **converters: Callable[[str], Any]) -> TolerantOptionSpec:
    """A :class:`TolerantOptionSpec` of the *known* options: text unless a converter is given."""
    return TolerantOptionSpec({name: converters.get(name, directives.unchanged) for name in known})


class WorkshopDirective(SphinxDirective):
    """Base of the extension's directives: locate options and content lines, warn about unknown options."""

    #: The options the directive understands, in the order the warning lists them.
    known_options: ClassVar[tuple[str, ...]] = ()

    def option_line(self, name: str) -> int:
        """The source line of option *name* (the directive's line when it cannot be found)."""
        first, lines = self.head_lines()
        for offset, line in enumerate(lines):
            if re.match(rf"\s*:{re.escape(name)}:", line):
                return first + offset
        return self.lineno

    def head_lines(self) -> tuple[int, list[str]]:
        """The directive's first line number and its lines from there (the directive line, options, ...).

        Under MyST they come from the source file: myst-parser 4 gives only the content as block text,
        and MyST numbers a directive that follows its parent's opening fence directly one line late.
        """
        lines = self.block_text.splitlines()
        if not type(self.state).__module__.startswith("myst_parser."):
            return self.lineno, lines
        try:
            text = Path(self.get_source_info()[0]).read_text(encoding=self.config.source_encoding)
        except (OSError, UnicodeDecodeError, TypeError):
            return self.lineno, lines
        source = text.splitlines()
        for fence in (self.lineno - 1, self.lineno - 2):  # 0-based index of the directive's line
            if 0 <= fence < len(source) and "{" + self.name + "}" in source[fence]:
                return fence + 1, source[fence : self.lineno + self.content_offset]
        return self.lineno, lines

    def content_line(self, index: int) -> int:
        """The source line of content line *index*, under MyST and under reStructuredText."""
        if type(self.state).__module__.startswith("myst_parser."):
            # MyST numbers content lines from 0 and gives content_offset relative to the directive's line.
            return self.lineno + self.content_offset + index + 1
        _, offset = self.content.info(index)  # docutils: absolute, 0-based
        return offset + 1 if isinstance(offset, int) else self.lineno

    def warn_at(self, subtype: str, message: str, line: int | None = None) -> None:
        """A warning of *subtype* at *line* (default: the directive's line) of the current document."""
        warn(logger, subtype, message, location=(self.env.docname, line or self.lineno))

    def warn_unknown_options(self) -> None:
        """Warn, at its line, about every option the directive does not know; it is then ignored."""
        for name in self.options:
            if name not in self.known_options:
                self.warn_at(
                    "unknown_option",
                    f"unknown option :{name}: of the {self.name} directive "
                    f"(known: {', '.join(self.known_options)}); it is ignored",
                    self.option_line(name),
                )
