"""The extension's message catalog: every string a reader sees goes through :data:`_`.

``_("text")`` is translated lazily, in the language of the build (``language`` in conf.py), from
the catalogs under ``sphinx_workshop/locale/`` (registered in ``setup()``); a string with no
translation stays English.
"""

from __future__ import annotations

from sphinx.locale import get_translation

#: The gettext domain of the extension's catalogs (``locale/<lang>/LC_MESSAGES/sphinx_workshop.mo``).
MESSAGE_CATALOG = "sphinx_workshop"

#: Translate a visible string (``_("Your time")``); format placeholders after translating.
_ = get_translation(MESSAGE_CATALOG)
