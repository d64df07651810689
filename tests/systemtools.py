"""The system packages some tests need (chromium, Java, TeX Live), found on ``PATH``.

Outside CI a missing one skips the test with a reason that names the Debian package to install; in CI
(``CI`` set, as ``.ci/run`` runs) it fails the test, since CI installs them all.
"""

from __future__ import annotations

import os
import shutil

import pytest

#: Debian's packages for the PDF (``make latexpdf``, Read the Docs' pdf job), as ``.ci/run`` installs them.
TEX_PACKAGES = "texlive-latex-recommended texlive-fonts-recommended texlive-latex-extra latexmk tex-gyre"


def missing(what: str) -> None:
    """Skip with *what* as the reason, or fail in CI: the full suite runs there."""
    if os.environ.get("CI"):
        pytest.fail(f"{what}; CI runs every test")
    pytest.skip(what)


def require(command: str, package: str) -> str:
    """The path of *command*, which Debian's *package* installs (else :func:`missing`)."""
    path = shutil.which(command)
    if path is None:
        missing(f"{command} is not installed (apt-get install {package})")
    return str(path)
