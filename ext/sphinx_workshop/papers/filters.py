"""The ``:filter:`` language of ``references`` lists: a small expression over an entry's fields.

An expression is parsed by :func:`ast.parse` (``mode="eval"``) and checked against a whitelist of
node types; it is then evaluated by walking that tree here, never by ``eval`` or ``compile``, so a
filter can only compare the fields below with literals.

Fields (:data:`FIELDS`): ``type`` (the BibTeX entry type in lower case, ``""`` for a ``paper``
entry), ``key``, ``year`` (an integer when it is one, else its text), ``author`` (the authors' names
and surnames), ``keywords`` (the BibTeX ``keywords`` field or ``:keywords:``, split at ``,`` and
``;``), ``cited`` (true when a page of the project cites the entry) and ``cited_on`` (the pages
citing it). Operators: ``and``, ``or``, ``not``, ``==``, ``!=``, ``<``, ``<=``, ``>``, ``>=``, ``in``,
``not in``; operands: string and integer literals, ``True``/``False``, tuples or lists of literals.
On a field holding several values (``author``, ``keywords``, ``cited_on``) ``==`` and ``in`` ask
whether one of them is the value, so ``"Mirhoseini" in author`` and ``cited_on == "program"`` read
as written; keywords are compared without case. ``"x" in key`` on a text field asks for a substring.
Comparing values of different kinds (a year with a string) is false, never an error.
"""

from __future__ import annotations

import ast
import functools
import operator
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

#: The names a filter may use.
FIELDS = ("type", "key", "author", "year", "keywords", "cited", "cited_on")
#: Fields holding several values (a tuple of strings).
MANY = frozenset({"author", "keywords", "cited_on"})
#: Fields whose values are compared without case.
CASELESS = frozenset({"keywords"})
#: Longer filters are refused (a filter is a line of a directive, not a program).
MAX_LENGTH = 1000
_MAX_DEPTH = 50

_ORDER: dict[type[ast.cmpop], Callable[[Any, Any], bool]] = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
}
_COMPARISONS: tuple[type[ast.cmpop], ...] = (ast.Eq, ast.NotEq, ast.In, ast.NotIn, *_ORDER)

_WHAT = {
    ast.Call: "a call",
    ast.Attribute: "an attribute",
    ast.Subscript: "a subscript",
    ast.BinOp: "arithmetic",
    ast.Lambda: "a lambda",
    ast.IfExp: "a conditional expression",
    ast.NamedExpr: "an assignment",
    ast.Starred: "a starred expression",
}


class FilterError(ValueError):
    """A filter that does not parse or uses something outside the language (the message says what)."""


class Filter(NamedTuple):
    """A checked filter: its source text and its tree (only whitelisted nodes)."""

    source: str
    tree: ast.expr

    @property
    def fields(self) -> frozenset[str]:
        """The field names the filter uses."""
        return frozenset(node.id for node in ast.walk(self.tree) if isinstance(node, ast.Name))


def _describe(node: ast.AST) -> str:
    for kind, what in _WHAT.items():
        if isinstance(node, kind):
            return what
    if isinstance(node, ast.Constant):
        return f"the literal {node.value!r}"
    if isinstance(node, ast.cmpop | ast.operator | ast.unaryop):
        return f"the operator {type(node).__name__}"
    return f"a {type(node).__name__} expression"


def _check(node: ast.AST, depth: int = 0) -> None:
    """Raise :class:`FilterError` unless every node of *node* is in the language."""
    if depth > _MAX_DEPTH:
        raise FilterError("the filter is nested too deeply")
    if isinstance(node, ast.BoolOp):
        for value in node.values:
            _check(value, depth + 1)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        _check(node.operand, depth + 1)
    elif isinstance(node, ast.Compare):
        for op in node.ops:
            if not isinstance(op, _COMPARISONS):
                raise FilterError(f"{_describe(op)} is not allowed in a filter")
        for operand in (node.left, *node.comparators):
            _check(operand, depth + 1)
    elif isinstance(node, ast.Name):
        if node.id not in FIELDS:
            raise FilterError(f"unknown field {node.id!r} (known: {', '.join(FIELDS)})")
    elif isinstance(node, ast.Constant):
        if type(node.value) not in (str, int, bool):
            raise FilterError(f"{_describe(node)} is not allowed in a filter (strings and integers are)")
    elif isinstance(node, ast.Tuple | ast.List):
        for item in node.elts:
            if not isinstance(item, ast.Constant):
                raise FilterError("a tuple or list in a filter holds literals only")
            _check(item, depth + 1)
    else:
        raise FilterError(f"{_describe(node)} is not allowed in a filter")


@functools.lru_cache(maxsize=256)
def parse_filter(text: str) -> Filter:
    """The checked filter of *text*; raises :class:`FilterError` (never anything else) if it is not one."""
    source = " ".join(text.split())  # one logical line: a filter may be wrapped in the directive
    if not source:
        raise FilterError("the filter is empty")
    if len(source) > MAX_LENGTH:
        raise FilterError(f"the filter is longer than {MAX_LENGTH} characters")
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as error:
        raise FilterError(f"invalid syntax ({error.msg})") from None
    except (ValueError, RecursionError, MemoryError) as error:  # NUL bytes, absurd nesting
        raise FilterError(f"invalid syntax ({type(error).__name__})") from None
    _check(tree.body)
    return Filter(source, tree.body)


def _value(node: ast.expr, facts: Mapping[str, Any]) -> Any:
    if isinstance(node, ast.Name):
        return facts[node.id]
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Tuple | ast.List):
        return tuple(item.value for item in node.elts if isinstance(item, ast.Constant))
    return _truth(node, facts)


def _fold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _compare(op: ast.cmpop, left: Any, right: Any, caseless: bool) -> bool:
    if caseless:
        left = tuple(map(_fold, left)) if isinstance(left, tuple) else _fold(left)
        right = tuple(map(_fold, right)) if isinstance(right, tuple) else _fold(right)
    if isinstance(op, ast.NotEq | ast.NotIn):
        return not _compare(ast.Eq() if isinstance(op, ast.NotEq) else ast.In(), left, right, False)
    if isinstance(op, ast.Eq):
        if isinstance(left, tuple) and not isinstance(right, tuple):
            return right in left
        if isinstance(right, tuple) and not isinstance(left, tuple):
            return left in right
        return bool(left == right)
    if isinstance(op, ast.In):
        if isinstance(right, tuple):
            return any(_compare(ast.Eq(), left, item, False) for item in right) or (
                isinstance(left, tuple) and any(item in right for item in left)
            )
        if isinstance(left, str) and isinstance(right, str):
            return left in right
        return False
    same_kind = type(left) is type(right) and isinstance(left, int | str) and not isinstance(left, bool)
    return same_kind and _ORDER[type(op)](left, right)


def _truth(node: ast.expr, facts: Mapping[str, Any]) -> bool:
    if isinstance(node, ast.BoolOp):
        values = (_truth(value, facts) for value in node.values)
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp):
        return not _truth(node.operand, facts)
    if isinstance(node, ast.Compare):
        left_node = node.left
        for op, right_node in zip(node.ops, node.comparators, strict=True):
            caseless = any(isinstance(n, ast.Name) and n.id in CASELESS for n in (left_node, right_node))
            if not _compare(op, _value(left_node, facts), _value(right_node, facts), caseless):
                return False
            left_node = right_node
        return True
    value = _value(node, facts)
    return bool(value)


def matches(checked: Filter, facts: Mapping[str, Any]) -> bool:
    """Whether the entry described by *facts* (a value for each of :data:`FIELDS`) passes *checked*."""
    return _truth(checked.tree, facts)
