"""Two directives that place an accepted paper's title and abstract (Markdown) in the page as they are."""

from docutils import nodes
from docutils.parsers.rst import Directive

from sphinx_workshop.accepted.markdown import blocks, inline


class AcceptedTitle(Directive):
    required_arguments = 1
    final_argument_whitespace = True

    def run(self):
        return [nodes.paragraph("", "", *inline(self.arguments[0]), classes=["accepted-title"])]


class AcceptedAbstract(Directive):
    has_content = True

    def run(self):
        return blocks("\n".join(self.content))


def setup(app):
    app.add_directive("accepted-title", AcceptedTitle)
    app.add_directive("accepted-abstract", AcceptedAbstract)
