"""BibTeX field values (LaTeX) to rich text: plain text with emphasis, strong text, links and math.

latexcodec tokenizes the value and decodes the characters it knows (accents of a single letter,
dashes, quotes, ``\\ss``); this module interprets what latexcodec leaves alone: groups and their
declarations (``{\\em ...}``), formatting commands (``\\emph{}``, ``\\textbf{}``, ``\\textsc{}``),
accents over a group (``{\\'{\\i}}``), ``\\url{}`` and ``\\href{}{}``, ``$...$`` math, logos
(``\\TeX``) and the macros a file defines in ``@preamble``. Anything else is an unknown command:
reported once per file and command, its argument shown.

Rich text is stored in the environment, so it is plain data: a ``str`` when the value has no
markup (the common case), else a tuple of :data:`Segment`.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from typing import TYPE_CHECKING, NamedTuple

from sphinx_workshop.links import is_safe_url
from sphinx_workshop.papers.resolvers import resolver_url

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from latexcodec.lexer import Token

#: One run of text: ``(kind, text, target)``; kind is "text", "em", "strong", "math" (*text* is
#: the LaTeX source) or "link" (*target* is the URL, verbatim).
Segment = tuple[str, str, str]
#: A field value: plain text, or segments.
Rich = str | tuple[Segment, ...]

_SPECIAL = re.compile(r"[\\$]")
_NEEDS_CODEC = re.compile(r"~|--|`|''")  # ``, `x', !` and ?` each hold a backtick
_VERBATIM_ESCAPE = re.compile(r"\\([_%&#~$])")
_UNESCAPED_PERCENT = re.compile(r"(?<!\\)%")
_SPACE = re.compile(r"[ \t\r\n]+")
_MATH_SIMPLE = re.compile(r"[A-Za-z0-9 .,;:+=()<>|/-]*")
_DEFINITION = re.compile(
    r"\\(?:(?:re)?newcommand|providecommand)\*?\s*\{?\s*\\([A-Za-z]+)\s*\}?\s*(?:\[(\d)\])?\s*\{"
    r"|\\def\s*\\([A-Za-z]+)((?:#\d)*)\s*\{"
)

_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "r": "\u030a",
    "k": "\u0328", "d": "\u0323", "b": "\u0331", "t": "\u0361",
}  # fmt: skip
_EMPHASIS = frozenset({"emph", "textit", "textsl", "mkbibemph", "mkbibitalic"})
_STRONG = frozenset({"textbf", "mkbibbold"})
_PLAIN = frozenset({
    "textsc", "textrm", "textsf", "texttt", "textup", "textmd", "textnormal", "mbox", "hbox", "text",
    "textsuperscript", "textsubscript", "MakeUppercase", "MakeLowercase", "uppercase", "lowercase",
    "enquote", "mkbibquote", "ensuremath", "NoCaseChange", "nocite",
})  # fmt: skip
_DECLARE_EM = frozenset({"em", "it", "itshape", "sl", "slshape"})
_DECLARE_STRONG = frozenset({"bf", "bfseries"})
_DECLARE_PLAIN = frozenset({
    "sc", "scshape", "tt", "ttfamily", "rm", "rmfamily", "sf", "sffamily", "upshape", "normalfont",
    "mdseries", "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE",
    "huge", "Huge", "relax", "protect", "ignorespaces", "nocorr", "/", "-", "allowbreak", "null",
})  # fmt: skip
_LOGOS = {
    "TeX": "TeX", "LaTeX": "LaTeX", "LaTeXe": "LaTeX2ε", "BibTeX": "BibTeX", "XeTeX": "XeTeX",
    "XeLaTeX": "XeLaTeX", "LuaTeX": "LuaTeX", "AmS": "AMS", "AMSTeX": "AMS-TeX", "METAFONT": "METAFONT",
    "slash": "/", "textbackslash": "\\", "backslash": "\\", "textasciitilde": "~", "textunderscore": "_",
    "i": "\u0131", "j": "\u0237", "dots": "…", "textellipsis": "…", "ss": "ß", "_": "_", "&": "&", "%": "%",
    "#": "#", "$": "$", "{": "{", "}": "}", "textbraceleft": "{", "textbraceright": "}",
}  # fmt: skip
_SPACES = frozenset(
    {"\\", " ", ",", ";", ":", "!", "quad", "qquad", "newline", "linebreak", "enspace", "thinspace"}
)
#: Sort keys from the usual ``@preamble`` (``\noopsort{1990}``): never shown, defined or not.
_SORT_ONLY = frozenset({"noopsort", "SortNoop", "sortnoop", "NOOPSORT", "noop"})
_MAX_EXPANSIONS = 100


class Macro(NamedTuple):
    """A command defined in ``@preamble``: its number of arguments and its body."""

    arguments: int
    body: str


class Decoded(NamedTuple):
    """A decoded field value and the unknown commands it used (without backslash)."""

    rich: Rich
    unknown: tuple[str, ...]


def verbatim(value: str) -> str:
    """A url, doi or eprint value as written: only ``\\_ \\% \\& \\# \\~ \\$`` lose their backslash.

    A value wrapped whole in braces or in ``\\url{...}`` is unwrapped.
    """
    value = value.strip()
    if value.startswith("\\url{") and value.endswith("}"):
        value = value[5:-1]
    while value.startswith("{") and value.endswith("}") and _balanced(value[1:-1]):
        value = value[1:-1]
    return _VERBATIM_ESCAPE.sub(r"\1", value).strip()


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += (char == "{") - (char == "}")
        if depth < 0:
            return False
    return depth == 0


def preamble_macros(preamble: str) -> dict[str, Macro]:
    """The commands ``@preamble`` defines (``\\newcommand``, ``\\providecommand``, ``\\def``)."""
    macros: dict[str, Macro] = {}
    for match in _DEFINITION.finditer(preamble):
        name = match.group(1) or match.group(3)
        arguments = int(match.group(2) or 0) if match.group(1) else (match.group(4) or "").count("#")
        depth, end = 1, match.end()
        while end < len(preamble) and depth:
            depth += (preamble[end] == "{") - (preamble[end] == "}")
            end += 1
        macros[name] = Macro(arguments, preamble[match.end() : end - 1])
    return macros


def plain(rich: Rich) -> str:
    """The text of *rich*, without markup (math as its LaTeX source)."""
    if isinstance(rich, str):
        return rich
    return "".join(text for _, text, _ in rich)


def _tokens(value: str) -> list[Token]:
    from latexcodec.lexer import LatexIncrementalDecoder  # imported late: start-up stays fast

    lexer = LatexIncrementalDecoder()
    # latexcodec drops a comment (% to the end of the line); in a field value, % is text
    value = _UNESCAPED_PERCENT.sub(r"\\%", value)
    if value.endswith("\\") and (len(value) - len(value.rstrip("\\"))) % 2:
        value += " "  # a lone backslash at the end: latexcodec has no token for it
    return list(lexer.get_tokens(value, final=True))


def _codec(text: str) -> str:
    """Dashes, quotes, ``~`` and single-letter accents through latexcodec."""
    if not _NEEDS_CODEC.search(text) and "\\" not in text:
        return text
    import latexcodec  # noqa: F401 - registers the "ulatex" codec

    try:
        text = str(codecs.decode(text, "ulatex"))  # type: ignore[call-overload]
    except ValueError:  # latexcodec is lenient; keep the raw text if not
        return text
    return text.replace("`", "\u2018").replace("'", "\u2019") if "`" in text else text


def _greek(name: str) -> str | None:
    case = "CAPITAL" if name[:1].isupper() else "SMALL"
    try:
        return unicodedata.lookup(f"GREEK {case} LETTER {name.upper()}")
    except KeyError:
        return None


class _Interpreter:
    """Walks the tokens of one value, emitting segments in the current style."""

    def __init__(self, macros: Mapping[str, Macro]) -> None:
        self.macros = macros
        self.segments: list[list[str]] = []
        self.unknown: dict[str, None] = {}
        self.expansions = 0

    # -- output ---------------------------------------------------------------------------
    def emit(self, kind: str, text: str, target: str = "") -> None:
        if not text:
            return
        last = self.segments[-1] if self.segments else None
        if last is not None and last[0] == kind and last[2] == target and kind not in {"math", "link"}:
            last[1] += text
        else:
            self.segments.append([kind, text, target])

    # -- reading --------------------------------------------------------------------------
    @staticmethod
    def group(tokens: Sequence[Token], start: int) -> tuple[list[Token], int]:
        """The tokens inside the group opening at *start* (a ``{``), and the index after it."""
        depth, index = 1, start + 1
        while index < len(tokens):
            text = tokens[index].text
            depth += (text == "{") - (text == "}")
            if not depth:
                return list(tokens[start + 1 : index]), index + 1
            index += 1
        return list(tokens[start + 1 :]), index

    def argument(self, tokens: Sequence[Token], index: int) -> tuple[list[Token] | None, int]:
        """The argument after a command: a group or one token (spaces skipped); None at the end."""
        while index < len(tokens) and tokens[index].name == "space":
            index += 1
        if index >= len(tokens) or tokens[index].text == "}":
            return None, index
        if tokens[index].text == "{":
            return self.group(tokens, index)
        return [tokens[index]], index + 1

    @staticmethod
    def raw(tokens: Sequence[Token] | None) -> str:
        """The source of *tokens* (latexcodec drops the space that ends a control word)."""
        out: list[str] = []
        for token in tokens or ():
            if out and out[-1][-1:].isalpha() and out[-1].startswith("\\") and token.text[:1].isalnum():
                out.append(" ")
            out.append(token.text)
        return "".join(out)

    def text_of(self, tokens: Sequence[Token] | None) -> str:
        """The plain text of *tokens* (an accent's base, a link's text)."""
        inner = _Interpreter(self.macros)
        inner.expansions = self.expansions
        inner.run(tokens or [], "text")
        self.unknown.update(inner.unknown)
        return "".join(segment[1] for segment in inner.segments)

    # -- interpreting ---------------------------------------------------------------------
    def run(self, tokens: Sequence[Token], style: str) -> None:
        """Emit *tokens* in *style*; a declaration changes the style up to the end of the group."""
        index, pending = 0, []
        while index < len(tokens):
            token = tokens[index]
            name, text = token.name, token.text
            if name in {"chars", "space"} and text not in {"{", "}"}:
                pending.append(text)
                index += 1
                continue
            self.emit(style, _codec("".join(pending)))
            pending = []
            index += 1
            if text == "{":
                inner, index = self.group(tokens, index - 1)
                self.run(inner, style)
            elif text == "}":
                continue
            elif name == "mathshift":
                end = index
                while end < len(tokens) and tokens[end].name != "mathshift":
                    end += 1
                self.math(self.raw(tokens[index:end]).strip(), style)
                index = end + 1
            elif name.startswith("control"):
                command = text[1:].strip() or text[1:]
                index, style = self.command(command, tokens, index, style)
            else:
                pending.append(text)
        self.emit(style, _codec("".join(pending)))

    def command(self, command: str, tokens: Sequence[Token], index: int, style: str) -> tuple[int, str]:
        """Interpret one command; return the index after its arguments and the style after it."""
        if command in _ACCENTS:
            arg, index = self.argument(tokens, index)
            base = self.text_of(arg).replace("\u0131", "i").replace("\u0237", "j")
            if base:
                self.emit(style, unicodedata.normalize("NFC", base[0] + _ACCENTS[command] + base[1:]))
            return index, style
        kind = "em" if command in _EMPHASIS else "strong" if command in _STRONG else ""
        if kind or command in _PLAIN:
            arg, index = self.argument(tokens, index)
            self.run(arg or [], kind or style)
            return index, style
        if command in _DECLARE_EM:
            return index, "em"
        if command in _DECLARE_STRONG:
            return index, "strong"
        if command in _DECLARE_PLAIN:
            return index, style
        if command in _SPACES:
            self.emit(style, " ")
            return index, style
        if command in {"url", "href", "doi"}:
            return self.link(command, tokens, index, style), style
        if command in _SORT_ONLY and command not in self.macros:
            return self.argument(tokens, index)[1], style
        if command in self.macros and self.expansions < _MAX_EXPANSIONS:
            self.expansions += 1
            macro = self.macros[command]
            body = macro.body
            for number in range(1, macro.arguments + 1):
                arg, index = self.argument(tokens, index)
                body = body.replace(f"#{number}", self.raw(arg))
            self.run(_tokens(body), style)
            return index, style
        known = _LOGOS.get(command) or _greek(command)
        if known is None:
            decoded = _codec("\\" + command)
            known = decoded if "\\" not in decoded else None
        if known is not None:
            self.emit(style, known)
            return index, style
        self.unknown[command] = None
        return index, style  # its argument, if any, is read next as a group and shown

    def link(self, command: str, tokens: Sequence[Token], index: int, style: str) -> int:
        """``\\url{u}``, ``\\href{u}{text}``, ``\\doi{d}``: a link when http(s), else text."""
        arg, index = self.argument(tokens, index)
        target = verbatim(self.raw(arg))
        text = target
        if command == "href":
            label, index = self.argument(tokens, index)
            text = self.text_of(label) or target
        elif command == "doi":
            text, target = "doi:" + target, resolver_url("doi", target)
        if is_safe_url(target, schemes=frozenset({"http", "https"})):
            self.emit("link", text, target)
        else:
            self.emit(style, text)
        return index

    def math(self, source: str, style: str) -> None:
        """``$...$``: Google Scholar's ``$\\{$`` braces dropped; simple math as text, else a math run."""
        stripped = source.replace("\\{", "").replace("\\}", "").strip()
        if not stripped:
            return
        if _MATH_SIMPLE.fullmatch(stripped):
            self.emit(style, stripped)
            return
        command = re.fullmatch(r"\\([A-Za-z]+)\s*", stripped)
        letter = _greek(command.group(1)) if command else None
        if letter is None and command:
            decoded = _codec(stripped)
            letter = decoded.strip() if "\\" not in decoded else None
        if letter:
            self.emit(style, letter)
            return
        self.emit("math", source)


def _squash(segments: list[list[str]]) -> list[list[str]]:
    """One space for every run of white space, none at the ends."""
    out: list[list[str]] = []
    for kind, text, target in segments:
        if kind != "math":
            text = _SPACE.sub(" ", text)
        if out and out[-1][1].endswith(" ") and text.startswith(" "):
            text = text[1:]
        if text:
            out.append([kind, text, target])
    if out and out[0][0] != "math":
        out[0][1] = out[0][1].lstrip()
    if out and out[-1][0] != "math":
        out[-1][1] = out[-1][1].rstrip()
    return [segment for segment in out if segment[1]]


@functools.lru_cache(maxsize=8192)
def _decode(value: str, macros: tuple[tuple[str, Macro], ...]) -> Decoded:
    if not _SPECIAL.search(value):  # the common case: braces and plain text only
        text = _codec(value.replace("{", "").replace("}", ""))
        return Decoded(_SPACE.sub(" ", text).strip(), ())
    interpreter = _Interpreter(dict(macros))
    try:
        interpreter.run(_tokens(value), "text")
    except (RecursionError, ValueError):  # nested beyond reason, or a lone backslash: no markup
        text = _codec(value.replace("{", "").replace("}", "").replace("$", ""))
        return Decoded(_SPACE.sub(" ", text).strip(), ())
    segments = _squash(interpreter.segments)
    unknown = tuple(interpreter.unknown)
    if all(kind == "text" for kind, _, _ in segments):
        return Decoded("".join(text for _, text, _ in segments), unknown)
    return Decoded(tuple((kind, text, target) for kind, text, target in segments), unknown)


def decode(value: str, macros: Mapping[str, Macro] | None = None) -> Decoded:
    """*value* (LaTeX) as rich text, and the unknown commands it uses."""
    return _decode(value, tuple(sorted(macros.items())) if macros else ())


def decode_text(value: str) -> str:
    """*value* (LaTeX) as plain text (a name part, a short field)."""
    return plain(decode(value).rich)
