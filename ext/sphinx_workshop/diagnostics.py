"""Every warning the extension can emit, in one place, and the helper that emits them.

Each warning carries ``type="workshop"`` and one of the subtypes below, so a project can
silence a kind with ``suppress_warnings = ["workshop.<subtype>"]``. The README's table of
warnings is checked against :data:`SUBTYPES` by the test suite.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.util import logging

if TYPE_CHECKING:
    from docutils import nodes

WARNING_TYPE = "workshop"

#: subtype -> what it means. Keep alphabetical within each feature.
SUBTYPES: dict[str, str] = {
    # shared
    "bad_option": "a directive option whose value does not parse",
    "bad_url": "a link that is not http(s) or mailto, or is malformed",
    "unknown_option": "an option the directive does not know",
    "config": "a configuration value of the wrong type or value (falls back to its default)",
    # papers domain
    "bibfile_missing": "a :bibfile: that does not exist or cannot be read",
    "bibfile_outside": "a :bibfile: outside the project's source directory",
    "bibfile_parse": "a BibTeX file (or entry) pybtex cannot parse",
    "cite_empty": "a {cite} role without a key",
    "cite_unknown": "a citation of a key no references list holds",
    "duplicate_key": "a paper key listed twice, in one document or two",
    "paper_no_title": "a paper entry without a title",
    # people
    "bad_handle": "a social handle that breaks its platform's rules",
    "missing_name": "an organizer card without a name",
    "photo_missing": "an organizer photo that does not exist",
    "photo_outside": "an organizer photo outside the project's source directory",
    # schedule
    "bad_date": "a schedule date that does not parse",
    "bad_time": "a schedule line whose time does not parse",
    "bad_timezone": "a time zone the IANA database does not know",
}


def warn(
    logger: logging.SphinxLoggerAdapter,
    subtype: str,
    message: str,
    *,
    location: nodes.Node | tuple[str, int | None] | str | None,
    **kwargs: Any,
) -> None:
    """Emit a located warning of type ``workshop`` and the given, registered *subtype*."""
    if subtype not in SUBTYPES:  # a programming error, caught by the tests
        raise ValueError(f"unregistered warning subtype: {subtype!r}")
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype, **kwargs)
