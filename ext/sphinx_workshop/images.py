"""Local images a directive shows (a card's photo, a sponsor's logo): what a file must be to be one.

The first bytes are checked as a browser sniffs an image: the format's signature (an ``<svg`` element
for SVG), so a text file or an empty file named ``.png`` is no image.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Collection
    from pathlib import Path

#: What browsers show in an ``<img>`` and LaTeX or EPUB can carry, by suffix: its name and signatures.
FORMATS: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".png": ("PNG", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("JPEG", (b"\xff\xd8\xff",)),
    ".jpeg": ("JPEG", (b"\xff\xd8\xff",)),
    ".gif": ("GIF", (b"GIF87a", b"GIF89a")),
    ".webp": ("WebP", (b"RIFF",)),  # then four bytes of size and "WEBP"
    ".svg": ("SVG", ()),  # text: an <svg element near the start
}


def image_problem(path: Path, suffixes: Collection[str] = FORMATS.keys()) -> str:
    """Why the file at *path* cannot be shown as an image of one of *suffixes* ("" when it can): it does
    not exist, is a folder, cannot be read, has another suffix, or is not what its suffix says."""
    try:
        exists, folder = path.is_file(), path.is_dir()
    except OSError:  # a name too long for the file system, say: it cannot be there
        exists = folder = False
    if not exists:
        return "is a folder, not an image" if folder else "does not exist"
    suffix = path.suffix.lower()
    if suffix not in suffixes:
        names = list(dict.fromkeys(FORMATS[known][0] for known in suffixes))
        return f"is not a {', '.join(names[:-1])} or {names[-1]} image ({path.suffix or 'no suffix'})"
    try:
        with path.open("rb") as image:
            head = image.read(65536)  # an SVG may start with a long comment or DOCTYPE
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    if suffix == ".svg":
        valid = b"<svg" in head
    elif suffix == ".webp":
        valid = head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    else:
        valid = head.startswith(FORMATS[suffix][1])
    return "" if valid else f"is not a valid {suffix.lstrip('.').upper()} image"
