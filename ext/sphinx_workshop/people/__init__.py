"""Placeholder: replaced by the people feature."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_people(app: Sphinx) -> None:
    """Register the people feature."""
