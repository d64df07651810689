"""The documentation's reference, generated from the code as the pages are read.

Four directives, each without argument or option, turn what the loaded extension registers into docutils
nodes, so the reference cannot drift from the code:

- ``workshop-directives``: a section per directive (its names, what it is, its argument and body, and its
  options from the ``option_spec`` it declares), found in docutils' registry and the domains;
- ``workshop-roles``: a table of the roles, found the same way;
- ``workshop-config``: a section per config value, from its ``add_config_value`` declaration;
- ``workshop-warnings``: a table of the warning subtypes, from ``sphinx_workshop.diagnostics.SUBTYPES``.

Each directive section is labelled ``directive-<name>`` and each config section ``config-<name>``, so the
other pages link them with ``{ref}``.
"""

from __future__ import annotations

import functools
import re
import types
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst import directives, roles
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_workshop import config as workshop_config
from sphinx_workshop.diagnostics import SUBTYPES, WARNING_TYPE

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

PACKAGE = "sphinx_workshop"
#: feature package -> its how-to page (a feature without one is a warning: write the page)
HOWTO = {
    "papers": "howto/papers",
    "accepted": "howto/accepted",
    "people": "howto/people",
    "schedule": "howto/schedule",
    "sponsors": "howto/sponsors",
    "dates": "howto/dates",
}
#: docutils' converters -> what the option takes
CONVERTERS: dict[Callable[..., Any], str] = {
    directives.flag: "no value (a flag)",
    directives.unchanged: "text",
    directives.unchanged_required: "text (required)",
    directives.class_option: "CSS class names, separated by spaces",
    str.split: "values separated by spaces",
}


def _ours(thing: object) -> bool:
    module = thing.__module__ if isinstance(thing, (type, types.FunctionType)) else type(thing).__module__
    return module == PACKAGE or module.startswith(f"{PACKAGE}.")


@dataclass
class Registered:
    """One directive class or role object with every name it is registered under (short names first)."""

    target: Any
    names: list[str] = field(default_factory=list)

    @property
    def primary(self) -> str:
        return self.names[0]

    @property
    def cls(self) -> type:
        return self.target if isinstance(self.target, type) else type(self.target)


def _collect(
    global_items: Iterable[tuple[str, Any]], domain_items: Iterable[tuple[str, Any]]
) -> list[Registered]:
    """Group the extension's items: one object, or one class under one name (``person``, ``people:person``
    are one role)."""
    found: list[Registered] = []
    by_object: dict[int, Registered] = {}
    by_name: dict[tuple[type, str], Registered] = {}
    for name, target, base in [
        *((name, target, name) for name, target in global_items),
        *((name, target, name.split(":", 1)[1]) for name, target in domain_items),
    ]:
        if not _ours(target):
            continue
        cls = target if isinstance(target, type) else type(target)
        item = by_object.get(id(target)) or by_name.get((cls, base))
        if item is None:
            item = Registered(target)
            found.append(item)
        item.names.append(name)
        by_object[id(target)] = by_name[(cls, base)] = item
    for item in found:
        item.names.sort(key=lambda name: name.count(":"))  # the short name first
    return found


def registered_directives(env: BuildEnvironment) -> list[Registered]:
    """The extension's directives: short names (docutils' registry), then ``<domain>:<name>`` forms."""
    domains = [domain for domain in env.domains.values() if _ours(domain)]
    return _collect(
        directives._directives.items(),  # type: ignore[attr-defined]
        ((f"{d.name}:{name}", cls) for d in domains for name, cls in d.directives.items()),
    )


def registered_roles(env: BuildEnvironment) -> list[Registered]:
    """The extension's roles: short names, then ``<domain>:<name>`` forms."""
    domains = [domain for domain in env.domains.values() if _ours(domain)]
    return _collect(
        roles._roles.items(),  # type: ignore[attr-defined]
        ((f"{d.name}:{name}", role) for d in domains for name, role in d.roles.items()),
    )


# --- text ----------------------------------------------------------------------------------------------

_MARKUP = re.compile(r"``(.+?)``(?!`)|:[\w:]+:`~?\.?(.+?)`")


def summary(doc: str | None) -> str:
    """The first paragraph of a docstring, on one line."""
    return " ".join((doc or "").strip().split("\n\n", 1)[0].split())


def inline(text: str) -> list[nodes.Node]:
    """*text*, its ````literal```` and ``:role:`target``` parts as literals."""
    found: list[nodes.Node] = []
    last = 0
    for match in _MARKUP.finditer(text):
        if match.start() > last:
            found.append(nodes.Text(text[last : match.start()]))
        code = match[1] or match[2]
        found.append(nodes.literal(code, code))
        last = match.end()
    if last < len(text):
        found.append(nodes.Text(text[last:]))
    return found


def literal(text: str) -> nodes.literal:
    return nodes.literal(text, text)


def paragraph(*children: nodes.Node | str) -> nodes.paragraph:
    return nodes.paragraph("", "", *(nodes.Text(c) if isinstance(c, str) else c for c in children))


def table(
    headers: list[str], rows: list[tuple[list[nodes.Node], ...]], ids: list[str] | None = None
) -> nodes.table:
    """A table of *headers* and *rows* (each cell a list of inline nodes); *ids*: one per row."""
    group = nodes.tgroup(cols=len(headers))
    for _ in headers:
        group += nodes.colspec(colwidth=1)
    head = nodes.thead()
    head += nodes.row("", *(nodes.entry("", paragraph(h)) for h in headers))
    group += head
    body = nodes.tbody()
    for index, cells in enumerate(rows):
        row = nodes.row("", *(nodes.entry("", paragraph(*cell)) for cell in cells))
        if ids:
            row["ids"].append(ids[index])
        body += row
    group += body
    return nodes.table("", group, classes=["sw-reference"])


def field_list(fields: list[tuple[str, list[nodes.Node]]]) -> nodes.field_list:
    found = nodes.field_list()
    for name, value in fields:
        found += nodes.field("", nodes.field_name(name, name), nodes.field_body("", paragraph(*value)))
    return found


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def converter_text(converter: Callable[..., Any]) -> str | None:
    """What an option of *converter* takes, or None if the reference does not know the converter."""
    if isinstance(converter, functools.partial) and converter.func is directives.choice:
        values = list(converter.keywords.get("values") or converter.args[0])
        return "one of " + ", ".join(values) + f" (default: {values[0]})"
    if converter in CONVERTERS:
        return CONVERTERS[converter]
    if _ours(converter) and converter.__doc__:  # sphinx_workshop.directive_base.expecting
        return converter.__doc__
    return None


# --- directives ----------------------------------------------------------------------------------------


class _ReferenceDirective(SphinxDirective):
    has_content = False

    def section(self, title: str, label: str) -> nodes.section:
        """A section titled *title* (a literal), labelled *label* for ``{ref}``."""
        section = nodes.section("", ids=[label], names=[label])
        section += nodes.title("", "", literal(title))
        self.state.document.note_explicit_target(section)
        return section

    def doc_link(self, docname: str, text: str) -> addnodes.pending_xref:
        ref = addnodes.pending_xref(
            "", refdomain="std", reftype="doc", reftarget=f"/{docname}", refexplicit=True, refwarn=True
        )
        ref["refdoc"] = self.env.docname
        ref += nodes.inline(text, text)
        return ref

    def howto(self, cls: type) -> list[nodes.Node]:
        feature = cls.__module__.split(".")[1]
        if feature not in HOWTO:
            logger.warning(f"no how-to page for the feature {feature!r}", location=self.get_location())
            return []
        return [paragraph("How-to: ", self.doc_link(HOWTO[feature], feature.capitalize()), ".")]


class DirectivesReference(_ReferenceDirective):
    """A section per directive the extension registers."""

    def run(self) -> list[nodes.Node]:
        found: list[nodes.Node] = []
        for item in registered_directives(self.env):
            cls = item.cls
            section = self.section(item.primary, f"directive-{slug(item.primary)}")
            section += paragraph(*inline(summary(cls.__doc__)))
            body = "text only (its directives cannot show)" if cls.body_is_text else "content"
            section += field_list(
                [
                    ("Names", self.joined(item.names)),
                    ("Argument", [nodes.Text("required" if cls.takes_argument else "none")]),
                    ("Body", [nodes.Text(body if cls.takes_content else "none")]),
                ]
            )
            section += self.option_table(item)
            section += self.howto(cls)
            found.append(section)
        return found

    @staticmethod
    def joined(names: list[str]) -> list[nodes.Node]:
        found: list[nodes.Node] = []
        for index, name in enumerate(names):
            found += [nodes.Text(", ")] if index else []
            found.append(literal(name))
        return found

    def option_table(self, item: Registered) -> list[nodes.Node]:
        converters = getattr(item.cls.option_spec, "converters", None)
        if converters is None:
            logger.warning(
                f"{item.primary}: its option_spec is not an OptionSpec", location=self.get_location()
            )
            return []
        if not converters:
            return [paragraph("No options.")]
        rows = []
        for name, converter in converters.items():
            text = converter_text(converter)
            if text is None:
                logger.warning(
                    f"{item.primary}: no description of the converter of :{name}: ({converter!r}); "
                    "add it to CONVERTERS",
                    location=self.get_location(),
                )
                text = "?"
            rows.append(([literal(f":{name}:")], [nodes.Text(text)]))
        ids = [f"directive-{slug(item.primary)}-option-{slug(name)}" for name in converters]
        return [table(["Option", "Value"], rows, ids)]


class RolesReference(_ReferenceDirective):
    """A table of the roles the extension registers."""

    def run(self) -> list[nodes.Node]:
        rows = []
        ids = []
        for item in registered_roles(self.env):
            rows.append(
                (
                    [literal(item.primary)],
                    DirectivesReference.joined(item.names[1:]),
                    inline(summary(item.cls.__doc__)),
                )
            )
            ids.append(f"role-{slug(item.primary)}")
        return [table(["Role", "Other names", "What it writes"], rows, ids)]


class ConfigReference(_ReferenceDirective):
    """A section per config value the extension declares."""

    def run(self) -> list[nodes.Node]:
        found: list[nodes.Node] = []
        for name in workshop_config.declared_names():
            value = self.config.values[name]
            section = self.section(name, f"config-{slug(name)}")
            section += paragraph(*inline(value.description))
            types = " or ".join(sorted(t.__name__ for t in value.valid_types))
            section += field_list(
                [
                    ("Type", [literal(types)]),
                    ("Default", [literal(repr(value.default))]),
                    (
                        "Changing it",
                        [nodes.Text("re-reads every page" if value.rebuild == "env" else "rewrites")],
                    ),
                ]
            )
            found.append(section)
        return found


class WarningsReference(_ReferenceDirective):
    """The table of warning subtypes, each row ``warning-<subtype>``."""

    def run(self) -> list[nodes.Node]:
        rows = [([literal(f"{WARNING_TYPE}.{name}")], inline(text)) for name, text in SUBTYPES.items()]
        ids = [f"warning-{slug(name)}" for name in SUBTYPES]
        return [table(["suppress_warnings name", "Raised for"], rows, ids)]


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the four reference directives."""
    app.add_directive("workshop-directives", DirectivesReference)
    app.add_directive("workshop-roles", RolesReference)
    app.add_directive("workshop-config", ConfigReference)
    app.add_directive("workshop-warnings", WarningsReference)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
