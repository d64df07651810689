"""Placeholder: replaced by the schedule feature."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_schedule(app: Sphinx) -> None:
    """Register the schedule feature."""
