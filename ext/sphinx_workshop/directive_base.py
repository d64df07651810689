"""What every directive of the extension shares: declared options that never drop a directive.

A directive declares its options as docutils does, ``option_spec = OptionSpec({...})``, with docutils'
converters (``directives.flag``, ``choice``, ``class_option``, ...) or its own. Docutils and MyST both
look a name up in the spec and call its converter; :class:`OptionSpec` wraps every converter so that
it never raises, and answers an undeclared name too: a value that does not convert, or an option the
directive does not know, reaches the directive as a :class:`Problem`, which :class:`WorkshopDirective`
reports as a ``workshop.*`` warning at the option's own line (found in the directive's ``block_text``)
before the directive renders with what is valid. Every value is first cleaned
(:func:`sphinx_workshop.untrusted.clean_text`).

In MyST, the directive's lines are read from the text of the document as Sphinx read it (kept on
``source-read``): myst-parser 4 gives a directive only its body as ``block_text``, and myst-parser 5
numbers a directive that starts right after the fence around it one line late (it adds a line before
a nested ``:::`` fence); the text puts it back on its fence.

What the parsers decide stays theirs: in reStructuredText an option given twice is docutils' error (the
directive is not run, as for every directive); MyST keeps the last value, and the directive warns that
it was given again.
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, cast

from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.parsing import nested_parse_to_nodes

from sphinx_workshop.diagnostics import file_line, warn
from sphinx_workshop.untrusted import clean_text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, MutableMapping

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: The workshop directives enclosing the one being run, innermost last (in the document being read).
_STACK_KEY = "workshop:directive-stack"
#: The text of the document being read, as Sphinx read it, and its lines (MyST's count).
_SOURCE_KEY = "workshop:source"
_LINES_KEY = "workshop:source-lines"


def current_document(env: BuildEnvironment) -> MutableMapping[str, Any]:
    """The data of the document being read: ``current_document`` since Sphinx 8.2, ``temp_data`` before."""
    if hasattr(env, "current_document"):
        return cast("MutableMapping[str, Any]", env.current_document)
    return cast("MutableMapping[str, Any]", env.temp_data)  # Sphinx 7.4 and 8.1


def remember_source(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read`` (last of its handlers): keep the text of the document being read."""
    document = current_document(app.env)
    document[_SOURCE_KEY] = source[0]
    document.pop(_LINES_KEY, None)


def _source_lines(env: BuildEnvironment) -> list[str]:
    """The lines of the document being read, numbered as markdown-it numbers them."""
    document = current_document(env)
    if _LINES_KEY not in document:
        text = str(document.get(_SOURCE_KEY, ""))
        document[_LINES_KEY] = text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if text else []
    return cast("list[str]", document[_LINES_KEY])


class Problem(NamedTuple):
    """An option passed on unconverted: undeclared (``error`` is ""), or refused by its converter."""

    name: str
    value: str
    error: str


class OptionSpec(dict[str, "Callable[[str], Any]"]):
    """A directive's ``option_spec``: the declared converters, each wrapped so that it never raises.

    An undeclared name is answered too (``__missing__``: docutils and MyST both look names up with
    ``spec[name]``), so neither parser drops the directive or warns in its own words for it.
    """

    def __init__(self, converters: Mapping[str, Callable[[str], Any]]) -> None:
        super().__init__({name: _recording(name, converter) for name, converter in converters.items()})
        #: The declared converters, as given (what an option accepts; the reference documentation).
        self.converters = dict(converters)

    def __bool__(self) -> bool:
        return True  # docutils reads an option block only for a true spec: one declaring none too

    def __missing__(self, name: str) -> Callable[[str], Any]:
        return lambda value: Problem(name, clean_text(value or "").strip(), "")


def expecting(converter: Callable[[str], Any], expected: str) -> Callable[[str], Any]:
    """*converter*, whose refusal says what was *expected* (``int()``'s own words are for programmers)."""

    def convert(value: str) -> Any:
        try:
            return converter(value)
        except (ValueError, TypeError):
            raise ValueError(f"expected {expected}") from None

    convert.__doc__ = expected  # what the option takes, for the reference documentation (docs/_ext)
    return convert


def _recording(name: str, converter: Callable[[str], Any]) -> Callable[[str], Any]:
    def convert(value: str | None) -> Any:
        text = clean_text(value or "").strip()
        try:
            return converter(text)
        except (ValueError, TypeError) as error:
            return Problem(name, text, " ".join(str(arg) for arg in error.args) or type(error).__name__)

    return convert


class WorkshopDirective(SphinxDirective):
    """Base of the extension's directives: declared options, argument and body checked alike in rST and MyST.

    Subclasses declare :attr:`option_spec`, :attr:`takes_argument` and :attr:`takes_content`, and
    implement :meth:`render`, which reads :attr:`argument`, :attr:`options` and :attr:`content`.
    """

    # Every directive takes the text on its line, so that text where none belongs is a warning, not
    # docutils' error; and it takes a body, so that a body where none belongs is a warning too.
    required_arguments = 0
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = OptionSpec({})

    #: Whether the text on the directive's line is its argument (else it is a mistake).
    takes_argument: ClassVar[bool] = False
    #: Whether the directive has a body.
    takes_content: ClassVar[bool] = True
    #: Whether the body is only read as text (an event's description): no directive inside it shows.
    body_is_text: ClassVar[bool] = False
    #: Whether the directive may appear inside another of its kind (a references list may not).
    nests_in_itself: ClassVar[bool] = True

    argument: str

    def run(self) -> list[nodes.Node]:
        """Check the argument, options and body, then :meth:`render` (unless nested where it cannot show)."""
        if self._in_myst():
            self._onto_fence()
        self._check_options()
        self._check_argument()
        self._check_content()
        stack = cast("list[type[WorkshopDirective]]", current_document(self.env).setdefault(_STACK_KEY, []))
        where = self._misplaced(stack)
        if where:
            self.warn_at("misplaced", f"the {self.name} directive cannot show inside {where}; it is ignored")
            return []
        stack.append(type(self))
        try:
            return self.render()
        finally:
            stack.pop()

    def render(self) -> list[nodes.Node]:
        """The directive's nodes, from :attr:`argument`, :attr:`options` and :attr:`content`."""
        raise NotImplementedError

    def warn_missing_argument(self) -> None:
        """Warn that the argument is missing (a directive that can do without one overrides this)."""
        self.warn_at("bad_argument", f"the {self.name} directive needs an argument; it is left out")

    def _misplaced(self, stack: list[type[WorkshopDirective]]) -> str:
        """Why this directive cannot show where it is ("" when it can)."""
        for enclosing in stack:
            if enclosing.body_is_text:
                return "the text-only body of an event"
            if not self.nests_in_itself and issubclass(enclosing, type(self)):
                return f"another {self.name} directive"
        return ""

    # --- checking -----------------------------------------------------------------------------------

    def _check_options(self) -> None:
        """Warn about each :class:`Problem` (and, in MyST, each repeated option); keep what is valid."""
        known = ", ".join(self.option_spec.converters)
        for name, value in list(self.options.items()):
            if not isinstance(value, Problem):
                continue
            del self.options[name]
            line = self.option_line(name)
            if not value.error:
                self.warn_at(
                    "unknown_option",
                    f"unknown option :{name}: of the {self.name} directive (known: {known}); it is ignored",
                    line,
                )
            elif self.option_spec.converters.get(name) is directives.flag:
                self.options[name] = None  # a flag given a value is still set
                self.warn_at(
                    "bad_option",
                    f"option :{name}: of the {self.name} directive takes no value; "
                    f"{value.value!r} is ignored",
                    line,
                )
            else:
                self.warn_at(
                    "bad_option",
                    f"invalid :{name}: {value.value!r} of the {self.name} directive ({value.error}); "
                    "it is ignored",
                    line,
                )
        for name, lines in self._option_lines.items():
            # A list of values (:bibfile:, :class:) is given in one option.
            hint = (
                f"; give all its values in one :{name}:" if isinstance(self.options.get(name), list) else ""
            )
            for line in lines[1:]:  # only MyST passes a repeated option on (docutils refuses it)
                self.warn_at(
                    "duplicate_option",
                    f"option :{name}: of the {self.name} directive is given again (first at line "
                    f"{lines[0]}); the last value is used{hint}",
                    line,
                )

    def _check_argument(self) -> None:
        argument = " ".join(clean_text(self.arguments[0]).split()) if self.arguments else ""
        self.argument = argument if self.takes_argument else ""
        if argument and not self.takes_argument:
            self.warn_at(
                "bad_argument", f"the {self.name} directive takes no argument; {argument!r} is ignored"
            )
        elif self.takes_argument and not argument:
            self.warn_missing_argument()

    def _check_content(self) -> None:
        self._raw_content = list(self.content)
        self.content = StringList([clean_text(line) for line in self.content], items=self.content.items)
        if self.content and not self.takes_content:
            self.warn_at(
                "bad_argument",
                f"the {self.name} directive takes no content; "
                f"{self.content[0].strip()!r} and what follows are ignored",
                self.content_line(0),
            )
            self.content = StringList()

    # --- locating -----------------------------------------------------------------------------------

    def _in_myst(self) -> bool:
        return type(self.state).__module__.startswith("myst_parser.")

    def _source_line(self, line: int) -> str | None:
        """Line *line* of the document as Sphinx read it (None outside it, or in an included file)."""
        lines = _source_lines(self.env)
        if not 0 < line <= len(lines) or self.get_source_info()[0] != os.fspath(
            self.env.doc2path(self.env.docname)
        ):
            return None
        return lines[line - 1]

    def _onto_fence(self) -> None:
        """Put :attr:`lineno` on the directive's fence where MyST numbered it one line late."""
        marker = "{" + self.name + "}"
        here, before = self._source_line(self.lineno), self._source_line(self.lineno - 1)
        if here is not None and before is not None and marker not in here and marker in before:
            self.lineno -= 1

    @functools.cached_property
    def _block(self) -> tuple[list[str], int]:
        """Lines that hold the directive's, and where its own line is among them: in MyST the document's, as
        Sphinx read them (myst-parser 4's ``block_text`` is the body alone), else ``block_text``'s. The
        document's lines are not copied: a page of many directives would copy its rest for each."""
        if self._in_myst() and self._source_line(self.lineno) is not None:
            return _source_lines(self.env), self.lineno - 1
        return self.block_text.split("\n"), 0  # not splitlines(), which also splits at \v, \f, \x1c-\x1e

    def _option_block(self) -> Iterator[tuple[int, str]]:
        """``(index in block_text, option name)`` for each line of the option block that starts an option.

        reStructuredText: the field lines before the first blank line; MyST: the ``:name:`` lines right
        after the fence, or the top-level keys of a ``---`` block.
        """
        lines, start = self._block
        if self._in_myst() and len(lines) > start + 1 and lines[start + 1].strip() == "---":
            for index in range(start + 2, len(lines)):
                line = lines[index]
                if line.strip() == "---" or line.lstrip().startswith((":::", "```", "~~~")):
                    return
                if line[:1].strip() and ":" in line:
                    yield index - start, line.split(":", 1)[0].strip().lower()
            return
        for index in range(start + 1, len(lines)):
            stripped = lines[index].strip()
            is_option = stripped.startswith(":") and not stripped.startswith(":::")
            if not stripped or (self._in_myst() and not is_option):
                return  # the option block ends (rST: at a blank line; a value may go on over more lines)
            name, colon, _value = stripped[1:].partition(":")
            if is_option and colon and name.strip():
                yield index - start, name.strip().lower()

    @functools.cached_property
    def _option_lines(self) -> dict[str, list[int]]:
        """Source lines of each option, in order (several when MyST was given it again)."""
        found: dict[str, list[int]] = {}
        first = self.get_source_info()[1] or self.lineno
        for index, name in self._option_block():
            found.setdefault(name, []).append(first + index)
        return found

    def option_line(self, name: str) -> int:
        """The source line of option *name* (its last occurrence; the directive's line if not found)."""
        lines = self._option_lines.get(name.lower())
        return lines[-1] if lines else (self.get_source_info()[1] or self.lineno)

    @functools.cached_property
    def _content_index(self) -> int:
        """Where the body starts, counted from the directive's line (MyST): the first line from which the
        body's lines follow, compared without indentation (a fence's indent is not its body's)."""
        raw = [line.strip() for line in getattr(self, "_raw_content", list(self.content))]
        lines, start = self._block
        if raw:
            for index in range(start + 1, len(lines) - len(raw) + 1):
                if all(lines[index + i].strip() == text for i, text in enumerate(raw)):
                    return index - start
        return self.content_offset + 1  # MyST's own count, relative to the directive's line

    def content_line(self, index: int) -> int:
        """The source line of body line *index*, under MyST and under reStructuredText."""
        if self._in_myst():
            return self.lineno + self._content_index + index
        _, offset = self.content.info(index)  # docutils: absolute, 0-based
        return offset + 1 if isinstance(offset, int) else self.lineno

    def parse_content_to_nodes(self, allow_section_headings: bool = False) -> list[nodes.Node]:
        """The body, parsed; in MyST numbered from the body's own line in ``block_text``.

        MyST numbers a body that starts right after the fence line one line late (myst-parser 5), and
        a directive in it with it; the body's place in ``block_text`` settles it.
        """
        if not self._in_myst():
            return super().parse_content_to_nodes(allow_section_headings=allow_section_headings)
        return nested_parse_to_nodes(
            self.state,
            self.content,
            offset=self._content_index - 1,
            allow_section_headings=allow_section_headings,
        )

    def location_of(self, line: int | None = None) -> str:
        """The location of *line* (default: the directive's line) of the directive's file."""
        source, own_line = self.get_source_info()
        if os.path.isfile(source):  # an included file's path is as the include wrote it
            source = os.path.abspath(source)
        return file_line(source, line or own_line or self.lineno)

    def warn_at(self, subtype: str, message: str, line: int | None = None) -> None:
        """A warning of *subtype* at *line* (default: the directive's line) of the directive's file."""
        warn(logger, subtype, message, location=self.location_of(line))
