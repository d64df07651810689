"""Validation of the links the extension emits: only http(s) and mailto ever reach the output."""

from __future__ import annotations

from urllib.parse import urlsplit

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def is_safe_url(url: str, *, schemes: frozenset[str] = SAFE_SCHEMES) -> bool:
    """Return whether *url* is an absolute link with an allowed scheme and, for http(s), a host."""
    url = url.strip()
    if not url or any(ch in url for ch in " \t\r\n\x00<>\"'`"):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        return False
    if scheme in {"http", "https"}:
        return bool(parts.hostname)
    return bool(parts.path)  # mailto:someone@example.org
