"""The extension's message catalog: every string a reader sees goes through :data:`_`.

``_("text")`` is translated lazily, in the language of the build (``language`` in conf.py), from
the catalogs under ``sphinx_workshop/locale/`` (registered in ``setup()``); a string with no
translation stays English. Dates are written in the page's language by :func:`page_date`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from sphinx.locale import get_translation

if TYPE_CHECKING:
    from datetime import date

#: The gettext domain of the extension's catalogs (``locale/<lang>/LC_MESSAGES/sphinx_workshop.mo``).
MESSAGE_CATALOG = "sphinx_workshop"

#: Translate a visible string (``_("Your time")``); format placeholders after translating.
_ = get_translation(MESSAGE_CATALOG)


def page_date(day: date, language: str | None, width: Literal["full", "long"] = "full") -> str:
    """*day* in the page's language from Babel's CLDR data ("Saturday, December 12, 2020", or with
    *width* ``"long"`` "December 12, 2020"); English for a language Babel does not know. Not strftime's
    ``%A`` and ``%B``: those follow the process's locale, not the page's."""
    try:
        locale = Locale.parse(language or "en")
    except (ValueError, TypeError, UnknownLocaleError):
        locale = Locale.parse("en")
    return format_date(day, format=width, locale=locale)
