"""What every directive of the extension shares: it reads its own argument and options.

Docutils drops a whole directive, with only an error, for an option given twice, a flag given a value,
an unknown option or a missing argument; MyST keeps the directive but reports in its own words, and
locates an option of a ``---`` block at the directive's line. So the parsers are given nothing to
parse (no arguments, no option spec): both then pass the directive's lines through as its content,
and :class:`WorkshopDirective` reads the argument (the text on the directive's line), the options (the
``:name: value`` lines right after it, or MyST's ``---`` YAML block) and the body from them, the same
way in both parsers; in MyST, option values are read by MyST's own tokenizer (quotes, ``#``
comments), in rST as docutils reads a field. Every misuse is then a ``workshop.*`` warning at its own
line, and the rest of the directive renders. Every value is first cleaned
(:func:`sphinx_workshop.untrusted.clean_text`).
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, cast

from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_workshop.diagnostics import file_line, warn
from sphinx_workshop.untrusted import clean_text

if TYPE_CHECKING:
    from collections.abc import MutableMapping

    from docutils import nodes
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: ``:name: value`` (docutils' field marker, one word); ``:::`` (a MyST fence) and ``:role:`x``` are not.
_OPTION = re.compile(r"(?P<indent>\s*):(?P<name>[^\s:`\\][^\s:`]*):(?:\s+(?P<value>.*?))?\s*")
_YAML_FENCE = re.compile(r"\s*---\s*")
_LINE_END = re.compile(r"\r\n?|\n")
#: The workshop directives enclosing the one being run, innermost last (in the document being read).
_STACK_KEY = "workshop:directive-stack"
#: source path -> its lines, read once per document (to locate MyST directives; see _locate_myst_block).
_SOURCE_LINES_KEY = "workshop:source-lines"


def current_document(env: BuildEnvironment) -> MutableMapping[str, Any]:
    """The data of the document being read: ``current_document`` since Sphinx 8.2, ``temp_data`` before."""
    if hasattr(env, "current_document"):
        return cast("MutableMapping[str, Any]", env.current_document)
    return cast("MutableMapping[str, Any]", env.temp_data)  # Sphinx 7.4 and 8.1


class Option(NamedTuple):
    """One option as written: its name (lower case), value (stripped text) and source line."""

    name: str
    value: str
    line: int


class WorkshopDirective(SphinxDirective):
    """Base of the extension's directives: the argument, options and body, read the same way in rST and MyST.

    Subclasses declare :attr:`known_options`, :attr:`flag_options`, :attr:`repeatable_options`,
    :attr:`takes_argument` and :attr:`takes_content`, and implement :meth:`render`.
    """

    # Nothing for docutils or MyST to parse: see the module docstring.
    required_arguments = 0
    optional_arguments = 0
    final_argument_whitespace = False
    option_spec = None
    has_content = True

    #: The options the directive understands, in the order the warning lists them.
    known_options: ClassVar[tuple[str, ...]] = ()
    #: Options that take no value (present or absent).
    flag_options: ClassVar[frozenset[str]] = frozenset()
    #: Options whose repetitions add up (each value is kept); any other keeps its last value.
    repeatable_options: ClassVar[frozenset[str]] = frozenset()
    #: Whether the text on the directive's line is its argument (else it is a mistake).
    takes_argument: ClassVar[bool] = False
    #: Whether the directive has a body.
    takes_content: ClassVar[bool] = True

    #: Whether the body is only read as text (an event's description): no directive inside it shows.
    body_is_text: ClassVar[bool] = False
    #: Whether the directive may appear inside another of its kind (a references list may not).
    nests_in_itself: ClassVar[bool] = True

    argument: str
    written_options: list[Option]
    _source: str = ""

    def run(self) -> list[nodes.Node]:
        """Read the directive's own lines, then :meth:`render` it (unless nested where it cannot show)."""
        self.read_block()
        stack = cast("list[type[WorkshopDirective]]", current_document(self.env).setdefault(_STACK_KEY, []))
        where = self._misplaced(stack)
        if where:
            self.warn_at(
                "misplaced",
                f"the {self.name} directive cannot show inside {where}; it is ignored",
            )
            return []
        stack.append(type(self))
        try:
            return self.render()
        finally:
            stack.pop()

    def _misplaced(self, stack: list[type[WorkshopDirective]]) -> str:
        """Why this directive cannot show where it is ("" when it can)."""
        for enclosing in stack:
            if enclosing.body_is_text:
                return "the text-only body of an event"
            if not self.nests_in_itself and issubclass(enclosing, type(self)):
                return f"another {self.name} directive"
        return ""

    def render(self) -> list[nodes.Node]:
        """The directive's nodes, from :attr:`argument`, :attr:`options` and :attr:`content`."""
        raise NotImplementedError

    # --- reading ------------------------------------------------------------------------------------

    def read_block(self) -> None:
        """Split the content the parser passed through into argument, options and body."""
        source = self.get_source_info()[0] or ""  # the file of the directive (an included one, say)
        self._source = os.path.abspath(source) if os.path.isfile(source) else source
        if self._in_myst():
            self._locate_myst_block()
        lines = [clean_text(line) for line in self.content]
        start = 0
        self.argument = ""
        if lines and self._on_directive_line() and not _OPTION.fullmatch(lines[0]):
            start = 1
            if self.takes_argument:
                self.argument = " ".join(lines[0].split())
            elif lines[0].strip():
                self.warn_at(
                    "bad_argument",
                    f"the {self.name} directive takes no argument; {lines[0].strip()!r} is ignored",
                )
        if self.takes_argument and not self.argument:
            self.warn_missing_argument()
        if start < len(lines) and _YAML_FENCE.fullmatch(lines[start]):
            options, end = self._yaml_block(lines, start)
        else:
            options, end = self._field_block(lines, start)
        while end < len(lines) and not lines[end].strip():
            end += 1
        self.written_options = options
        self.options = self._settle(options)
        body = StringList(lines[end:], items=self.content.items[end:])
        self.content = body
        self.content_offset += end
        if body and not self.takes_content:
            self.warn_at(
                "bad_argument",
                f"the {self.name} directive takes no content; "
                f"{body[0].strip()!r} and what follows are ignored",
                self.content_line(0),
            )
            self.content = StringList()

    def _locate_myst_block(self) -> None:
        """Put :attr:`lineno` on the directive's fence and number the content lines from there.

        MyST numbers a directive that follows its parent's opening fence directly (no blank line
        between) one line late, its options and body with it; and whether the first content line
        is the text on the fence line (our argument) shows in ``content_offset`` since myst-parser 5
        (one less), not in myst-parser 4. The fence line in the source settles both.
        """
        source = self._source_lines()
        marker = "{" + self.name + "}"
        fence = next(
            (
                line
                for line in (self.lineno, self.lineno - 1)
                if 0 < line <= len(source) and marker in source[line - 1]
            ),
            None,
        )
        if fence is None:  # not found (a source we cannot read): keep what MyST says
            return
        self.lineno = fence
        # Compared as cleaned text: the parser may already have dropped control characters.
        on_fence = " ".join(clean_text(source[fence - 1].partition(marker)[2]).split())
        if on_fence and self.content and " ".join(clean_text(self.content[0]).split()) == on_fence:
            self.content_offset = -1  # content line 0 is the fence line itself

    def _source_lines(self) -> list[str]:
        """The lines of the directive's file, read once per document."""
        cache = current_document(self.env).setdefault(_SOURCE_LINES_KEY, {})
        if self._source not in cache:
            try:
                with open(self._source, encoding=self.config.source_encoding, newline="") as file:
                    # Lines as MyST counts them: only CR LF, CR and LF end a line (str.splitlines
                    # would also split at \x1c-\x1e, \x85 and \u2028, and the numbers would drift).
                    cache[self._source] = _LINE_END.split(file.read())
            except (OSError, UnicodeDecodeError):
                cache[self._source] = []
        lines: list[str] = cache[self._source]
        return lines

    def _on_directive_line(self) -> bool:
        """Whether the first content line is the text on the directive's own line (its argument)."""
        if self._in_myst():
            return self.content_line(0) == self.lineno
        source, offset = self.content.info(0)  # an included file's lines carry its own name and offsets
        own_source, own_line = self.get_source_info()
        return source == own_source and isinstance(offset, int) and offset + 1 == own_line

    def warn_missing_argument(self) -> None:
        """Warn that the argument is missing (a directive that can do without one overrides this)."""
        self.warn_at("bad_argument", f"the {self.name} directive needs an argument; it is left out")

    def _in_myst(self) -> bool:
        return type(self.state).__module__.startswith("myst_parser.")

    def _field_block(self, lines: list[str], start: int) -> tuple[list[Option], int]:
        """The ``:name: value`` lines from *start*; in MyST read as MyST reads them (quotes, comments)."""
        if self._in_myst():
            end = start
            while (
                end < len(lines)
                and lines[end].lstrip().startswith(":")
                and not lines[end].lstrip().startswith(":::")
            ):
                end += 1
            if end == start:
                return [], start
            text = "\n".join(line.lstrip()[1:] for line in lines[start:end])
            return self._myst_tokens(text, self.content_line(start)), end
        options: list[Option] = []
        index = start
        while index < len(lines):
            match = _OPTION.fullmatch(lines[index])
            if match is None:
                break
            line = self.content_line(index)
            indent = len(match["indent"])
            parts = [match["value"] or ""]
            index += 1
            while index < len(lines) and lines[index].strip():
                more = len(lines[index]) - len(lines[index].lstrip())
                if more <= indent:
                    break
                parts.append(lines[index].strip())
                index += 1
            options.append(Option(match["name"].lower(), "\n".join(p for p in parts if p), line))
        return options, index

    def _yaml_block(self, lines: list[str], start: int) -> tuple[list[Option], int]:
        """MyST's ``---`` block (YAML ``name: value``), read with MyST's own option tokenizer."""
        if not self._in_myst():  # in rST, a "---" line is not an option block
            return [], start
        end = next((i for i in range(start + 1, len(lines)) if _YAML_FENCE.fullmatch(lines[i])), len(lines))
        text = "\n".join(lines[start + 1 : end])
        return self._myst_tokens(text, self.content_line(start) + 1), min(end + 1, len(lines))

    def _myst_tokens(self, text: str, first: int) -> list[Option]:
        """The options of a MyST option block whose first line is source line *first*."""
        from myst_parser.parsers import options as myst_options
        from myst_parser.parsers.options import TokenizeError

        try:
            if hasattr(myst_options, "options_to_tokens"):
                tokens, _state = myst_options.options_to_tokens(text)
            else:  # myst-parser 4: the same token pairs, before they had a public function
                tokens = list(myst_options._to_tokens(text, myst_options.State()))
        except TokenizeError as error:
            self.warn_at(
                "bad_option",
                f"the options of the {self.name} directive do not parse ({error.problem}); they are ignored",
                first + error.problem_mark.line,
            )
            return []
        return [
            Option(
                key.value.lower(),
                clean_text(value.value if value is not None else "").strip(),
                first + key.start.line,
            )
            for key, value in tokens
        ]

    def _settle(self, written: list[Option]) -> dict[str, str]:
        """The option values the directive uses; unknown, repeated and valued flags warn at their line."""
        settled: dict[str, str] = {}
        seen: dict[str, int] = {}
        for option in written:
            if option.name not in self.known_options:
                self.warn_at(
                    "unknown_option",
                    f"unknown option :{option.name}: of the {self.name} directive "
                    f"(known: {', '.join(self.known_options)}); it is ignored",
                    option.line,
                )
                continue
            if option.name in seen and option.name not in self.repeatable_options:
                self.warn_at(
                    "duplicate_option",
                    f"option :{option.name}: of the {self.name} directive is given again "
                    f"(first at line {seen[option.name]}); the last value is used",
                    option.line,
                )
            seen.setdefault(option.name, option.line)
            if option.name in self.flag_options and option.value:
                self.warn_at(
                    "bad_option",
                    f"option :{option.name}: of the {self.name} directive takes no value; "
                    f"{option.value!r} is ignored",
                    option.line,
                )
            settled[option.name] = "" if option.name in self.flag_options else option.value
        return settled

    # --- locating -----------------------------------------------------------------------------------

    def option_values(self, name: str) -> list[str]:
        """Every value given to option *name*, in source order (for a repeatable option)."""
        return [option.value for option in self.written_options if option.name == name]

    def option_line(self, name: str) -> int:
        """The source line of option *name* (its last occurrence; the directive's line if absent)."""
        lines = [option.line for option in self.written_options if option.name == name]
        return lines[-1] if lines else self.lineno

    def content_line(self, index: int) -> int:
        """The source line of content line *index*, under MyST and under reStructuredText."""
        if self._in_myst():
            # MyST numbers content lines from 0 and gives content_offset relative to the directive's line.
            return self.lineno + self.content_offset + index + 1
        _, offset = self.content.info(index)  # docutils: absolute, 0-based
        return offset + 1 if isinstance(offset, int) else self.lineno

    def warn_at(self, subtype: str, message: str, line: int | None = None) -> None:
        """A warning of *subtype* at *line* (default: the directive's line) of the directive's file."""
        if line is None or not getattr(self, "_source", ""):
            warn(logger, subtype, message, location=self.get_location())
        else:
            warn(logger, subtype, message, location=file_line(self._source, line))
