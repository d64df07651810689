"""Placeholder: replaced by the papers feature."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_papers(app: Sphinx) -> None:
    """Register the papers feature."""
