"""Validation of the links the extension emits: only well-formed http(s) and mailto links reach the output.

A link is parsed with :func:`urllib.parse.urlsplit`, then checked part by part the way a browser would
read it: a known scheme, a numeric port in range, a host that is an IP address or a valid (IDNA)
domain name, no credentials, well-formed percent escapes, and no control character or space anywhere.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import SplitResult, unquote, urlsplit

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})

#: Characters a link never holds as written: controls, spaces of any kind, quotes, angle brackets, and
#: the backslash (which browsers read as "/" in http(s) links, so what is shown is not what is followed).
_FORBIDDEN = re.compile(r"[\x00-\x20\x7f-\x9f\s<>\"'`\\]")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_LABEL = re.compile(r"(?!-)[A-Za-z0-9_-]{1,63}(?<!-)")


def is_valid_host(host: str) -> bool:
    """Whether *host* is an IP address (IPv6 without its brackets) or a domain name of valid labels."""
    if not host or len(host) > 253:
        return False
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return True
    name = host.removesuffix(".")
    try:
        ascii_name = name.encode("idna").decode("ascii")
    except (UnicodeError, ValueError):
        return False
    labels = ascii_name.split(".")
    if not all(_LABEL.fullmatch(label) for label in labels):
        return False
    # All-numeric dotted names are IPv4 addresses or nothing: 256.1.1.1 and 1.2.3 are not hosts.
    return not all(label.isdigit() for label in labels)


def _valid_authority(parts: SplitResult) -> bool:
    if parts.username is not None or parts.password is not None:
        return False  # https://trusted.org@elsewhere.net/ shows one host and goes to another
    try:
        port = parts.port  # ValueError for a non-numeric or out-of-range port
    except ValueError:
        return False
    if port == 0 or (port is None and parts.netloc.endswith(":")):
        return False
    netloc_host = parts.netloc.rsplit(":", 1)[0] if port is not None else parts.netloc
    if netloc_host.startswith("["):
        if not netloc_host.endswith("]"):
            return False
        try:
            ipaddress.IPv6Address(netloc_host[1:-1])
        except ValueError:
            return False
        return True
    return is_valid_host(parts.hostname or "")


def _valid_mailto(parts: SplitResult) -> bool:
    addresses = [unquote(a).strip() for a in parts.path.split(",")]
    if not addresses or parts.netloc:
        return False
    for address in addresses:
        local, at, domain = address.rpartition("@")
        if not (at and local and is_valid_host(domain)) or _FORBIDDEN.search(address):
            return False
    return True


def is_safe_url(url: str, *, schemes: frozenset[str] = SAFE_SCHEMES) -> bool:
    """Return whether *url* is a well-formed absolute link with an allowed scheme (and a valid host)."""
    url = url.strip()
    if not url or _FORBIDDEN.search(url) or _BAD_ESCAPE.search(url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        return False
    if scheme in {"http", "https"}:
        return url[len(scheme) :].startswith("://") and _valid_authority(parts)
    if scheme == "mailto":
        return _valid_mailto(parts)
    return True
