"""The Markdown of an accepted paper's title and abstract, as review systems hold it, as docutils nodes.

OpenReview and CMT abstracts are CommonMark with ``$TeX$`` math. They are parsed with markdown-it-py
(the CommonMark preset, raw HTML off so it shows as text, no linkify) and mdit-py-plugins' dollarmath,
and converted to standard docutils nodes that every builder renders: nothing of the input reaches the
output unescaped, links are kept only to absolute http(s) and mailto URLs, and images load nothing
(they become their alt text). :func:`blocks` converts an abstract, :func:`inline` a title and
:func:`plain` gives the text without markup. None of them raises on any ``str``.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from docutils import nodes
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.dollarmath.index import math_inline_dollar

from sphinx_workshop.links import is_safe_url
from sphinx_workshop.untrusted import clean_text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

__all__ = ["blocks", "inline", "plain", "plain_of"]

_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
_IMAGE_SCHEMES = frozenset({"http", "https"})

#: Inline tokens that open (and, with ``_close``, close) a docutils inline element.
_INLINE_ELEMENTS: dict[str, type[nodes.TextElement]] = {"em": nodes.emphasis, "strong": nodes.strong}


def _sentinel_rule(rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    """dollarmath's inline rule, given a source that ends in a space while it runs.

    The rule reads the character before an opening ``$`` as ``src[pos - 1]`` and counts the backslashes
    before it the same way, so at position 0 it reads the *last* character: ``$k$-means in 2024`` (the
    last character a digit) or a paragraph ending in a backslash lost its math. A trailing space is none
    of these and changes nothing else the rule reads.
    """

    def math_inline(state: StateInline, silent: bool) -> bool:
        if state.src[state.pos] != "$":
            return False
        src = state.src
        state.src = src + " "
        try:
            return rule(state, silent)
        finally:
            state.src = src

    return math_inline


@functools.cache
def _parser() -> MarkdownIt:
    """The one parser of the process (building one costs more than parsing an abstract)."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    # As pandoc and MathJax-on-Markdown sites read $: no space inside the dollars and no digit right
    # after the closing one, so prices ("$5 and $6", "$5-$10") stay text. $$...$$ inside a paragraph
    # is math as MathJax reads it; a $$ block may not run over a blank line, so a stray $$ cannot
    # swallow the rest of the abstract; "$$x$$ (1)" is not an equation label.
    md.use(
        dollarmath_plugin,
        allow_labels=False,
        allow_space=False,
        allow_digits=False,
        allow_blank_lines=False,
        double_inline=True,
    )
    md.inline.ruler.at(
        "math_inline",
        _sentinel_rule(math_inline_dollar(allow_space=False, allow_digits=False, allow_double=True)),
    )
    return md


def _math_block(tex: str) -> nodes.math_block:
    # The attributes Sphinx's math directive sets: mathjax and imgmath read node["number"], the LaTeX
    # writer reads "label" and "no-wrap"/"nowrap".
    tex = tex.strip()
    node = nodes.math_block(tex, tex, number=None, label=None, nowrap=False)
    node["no-wrap"] = False
    return node


def _alt_text(tokens: Sequence[Token]) -> str:
    return "".join(_alt_text(t.children or ()) if t.type == "image" else t.content for t in tokens)


def _image(token: Token) -> nodes.Node | None:
    alt = _alt_text(token.children or ())
    if not alt:
        return None
    src = str(token.attrs.get("src", ""))
    if is_safe_url(src, schemes=_IMAGE_SCHEMES):
        return nodes.reference(alt, alt, refuri=src)
    return nodes.Text(alt)


def _inlines(tokens: Sequence[Token], parent: nodes.Element, *, lines: list[int] | None = None) -> None:
    """Append the nodes of an inline token's *tokens* to *parent*.

    With *lines*, a hard break directly in *parent* appends its child index there (the paragraph
    becomes a line block); elsewhere a hard break is a newline, as a soft one.
    """
    # A link that is not kept pushes None: its text goes to the element it is in.
    stack: list[nodes.Element | None] = []
    current = parent
    for token in tokens:
        kind = token.type
        if kind in {"text", "text_special", "html_inline"}:
            if token.content:
                current += nodes.Text(token.content)
        elif kind == "softbreak":
            current += nodes.Text("\n")
        elif kind == "hardbreak":
            if lines is not None and current is parent:
                lines.append(len(parent))
            else:
                current += nodes.Text("\n")
        elif kind == "code_inline":
            current += nodes.literal(token.content, token.content)
        elif kind in {"math_inline", "math_inline_double"}:
            tex = token.content.strip()
            current += nodes.math(tex, tex)
        elif kind == "image":
            image = _image(token)
            if image is not None:
                current += image
        elif kind in {"em_open", "strong_open", "link_open"}:
            element: nodes.Element | None
            if kind == "link_open":
                href = str(token.attrs.get("href", ""))
                element = nodes.reference(refuri=href) if is_safe_url(href, schemes=_LINK_SCHEMES) else None
            else:
                element = _INLINE_ELEMENTS[kind[:-5]]()
            stack.append(element)
            if element is not None:
                current += element
                current = element
        elif kind in {"em_close", "strong_close", "link_close"} and stack:
            stack.pop()
            current = next((element for element in reversed(stack) if element is not None), parent)


def _paragraph(token: Token) -> nodes.Element:
    """A paragraph of an inline token; one with hard breaks is a line block of its lines."""
    paragraph = nodes.paragraph()
    breaks: list[int] = []
    _inlines(token.children or (), paragraph, lines=breaks)
    if not breaks:
        return paragraph
    children = list(paragraph.children)
    block = nodes.line_block()
    for start, end in zip([0, *breaks], [*breaks, len(children)], strict=True):
        block += nodes.line("", "", *children[start:end])
    return block


def _transitions(body: list[nodes.Element]) -> list[nodes.Element]:
    """*body* with only the transitions docutils allows: between two other body elements."""
    kept: list[nodes.Element] = []
    for node in body:
        if isinstance(node, nodes.transition) and (not kept or isinstance(kept[-1], nodes.transition)):
            continue
        kept.append(node)
    while kept and isinstance(kept[-1], nodes.transition):
        kept.pop()
    return kept


def _containers(token: Token) -> nodes.Element | None:
    """The element a block token opens, or None for a heading (its paragraph is built separately)."""
    kind = token.type
    if kind == "bullet_list_open":
        return nodes.bullet_list(bullet=token.markup or "-")
    if kind == "ordered_list_open":
        element = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=token.markup or ".")
        start = token.attrs.get("start")
        if isinstance(start, int) and start != 1:
            element["start"] = start
        return element
    if kind == "list_item_open":
        return nodes.list_item()
    if kind == "blockquote_open":
        return nodes.block_quote()
    return None


def blocks(text: str) -> list[nodes.Element]:
    """The body elements of an abstract written in Markdown with ``$TeX$`` math.

    Paragraphs, lists, block quotes, code and math blocks, headings as a paragraph of strong text, and
    thematic breaks as transitions where docutils allows one (between two top-level elements, for an
    abstract placed directly in a section). Never raises.
    """
    tokens = _parser().parse(clean_text(text))
    body: list[nodes.Element] = []
    stack: list[nodes.Element] = []

    def add(node: nodes.Element) -> None:
        if stack:
            stack[-1] += node
        else:
            body.append(node)

    heading = False
    for token in tokens:
        kind = token.type
        if token.nesting == 1 and (element := _containers(token)) is not None:
            add(element)
            stack.append(element)
        elif kind in {"bullet_list_close", "ordered_list_close", "list_item_close", "blockquote_close"}:
            if stack:
                stack.pop()
        elif kind == "heading_open":
            heading = True
        elif kind == "heading_close":
            heading = False
        elif kind == "inline":
            if heading:
                strong = nodes.strong()
                _inlines(token.children or (), strong)
                add(nodes.paragraph("", "", strong))
            else:
                add(_paragraph(token))
        elif kind in {"fence", "code_block"}:
            code = token.content.rstrip("\n")
            add(nodes.literal_block(code, code, language="text"))
        elif kind == "html_block":
            add(nodes.paragraph(token.content, token.content.rstrip("\n")))
        elif kind in {"math_block", "math_block_label"}:
            add(_math_block(token.content))
        elif kind == "hr" and not stack:
            body.append(nodes.transition())
    return _transitions(body)


def inline(text: str) -> list[nodes.Node]:
    """The inline nodes of a title written in Markdown: ``# `` or ``1. `` at its start stay text."""
    parent = nodes.inline()
    for token in _parser().parseInline(clean_text(text)):
        _inlines(token.children or (), parent)
    return list(parent.children)


def _plain_parts(node: nodes.Node, parts: list[str]) -> None:
    if isinstance(node, nodes.Text):
        parts.append(node.astext())
    elif isinstance(node, nodes.math):
        parts.append(f"${node.astext()}$")
    elif isinstance(node, nodes.math_block):
        parts.append(f" $${node.astext()}$$ ")
    else:
        for child in node.children:
            _plain_parts(child, parts)
        if isinstance(node, (nodes.Body, nodes.line)) and not isinstance(node, nodes.Inline):
            parts.append(" ")


def plain(text: str, *, title: bool = False) -> str:
    """*text* without markup and with collapsed whitespace, math kept as ``$TeX$`` (``$$TeX$$`` for a
    display): for ``<meta>`` tags, JSON-LD and search. With *title*, *text* is read as :func:`inline`
    reads it (``1. `` at the start is text)."""
    return plain_of(inline(text) if title else blocks(text))


def plain_of(made: Iterable[nodes.Node]) -> str:
    """What :func:`plain` gives for the text that :func:`inline` or :func:`blocks` made *made* of."""
    parts: list[str] = []
    for node in made:
        _plain_parts(node, parts)
    return " ".join("".join(parts).split())
