"""The package README's examples (ext/README.md), as the files of the projects it describes."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE_README = Path(__file__).resolve().parents[2] / "ext" / "README.md"


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """The top-level fenced blocks of *text*: (language, body), a longer fence enclosing shorter ones."""
    blocks = []
    for match in re.finditer(r"^(`{3,})(\w+)\n(.*?)^\1$", text, flags=re.M | re.S):
        blocks.append((match[2], match[3]))
    return blocks


def readme_blocks() -> dict[str, list[str]]:
    """The README's blocks by language, in order."""
    found: dict[str, list[str]] = {}
    for language, body in fenced_blocks(PACKAGE_README.read_text(encoding="utf-8")):
        found.setdefault(language, []).append(body)
    return found


def write_project(folder: Path, flavour: str) -> Path:
    """A project made of the README's conf.py and page (``markdown`` or ``rst``) and its papers.bib."""
    blocks = readme_blocks()
    conf = blocks["python"][0]
    if flavour == "rst":
        conf = conf.replace('"myst_parser", ', "")
        (folder / "index.rst").write_text(blocks["rst"][0], encoding="utf-8")
    else:
        (folder / "index.md").write_text(blocks["markdown"][0], encoding="utf-8")
    (folder / "conf.py").write_text(conf, encoding="utf-8")
    (folder / "papers.bib").write_text(blocks["bibtex"][0], encoding="utf-8")
    return folder
