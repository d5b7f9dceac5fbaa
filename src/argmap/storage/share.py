"""Share links: a whole map carried inside a URL's query parameters.

The map's native JSON (defaults left out, so the token stays small) is compressed with zlib and
written in URL-safe base64. A link longer than ``MAX_TOKEN_CHARS`` is refused: servers and
proxies commonly cut request lines near 8 KB, and a link that opens half a map is worse than none.
Such a map is shared as a file instead (the HTML export opens anywhere).
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from urllib.parse import urlencode, urlsplit, urlunsplit

from argmap.errors import FormatError
from argmap.formats import native, parse_json
from argmap.model import ArgumentMap

PARAM = "map"  # the query parameter that carries the token
MAX_TOKEN_CHARS = 7_500  # leaves room for the host and path within an ~8 KB request line
# A token inflates to at most this many bytes: a link cannot make the server allocate without bound.
# A map that fits in a link packs at most ~5.6 KB; real JSON inflates 5-20 times, so 1 MB is ample.
MAX_INFLATED_BYTES = 1_000_000


def encode(amap: ArgumentMap) -> str:
    """The map as a compact URL-safe token (zlib-compressed JSON, base64 without padding)."""
    data = amap.model_dump(mode="json", exclude_defaults=True)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")


def decode(token: str) -> ArgumentMap:
    """The map a token carries; a damaged or foreign token raises ``FormatError`` saying so."""
    token = token.strip()
    if not token:
        raise FormatError("it carries no map", fmt="share link")
    if len(token) > MAX_TOKEN_CHARS:  # no link Argmap makes is longer: refused before any work
        raise FormatError(
            f"it is {len(token):,} characters long; a link holds at most {MAX_TOKEN_CHARS:,}",
            fmt="share link",
        )
    try:
        packed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        raise FormatError("it is damaged (not base64)", fmt="share link") from None
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(packed, MAX_INFLATED_BYTES)
    except zlib.error:
        raise FormatError("it is damaged (cannot decompress)", fmt="share link") from None
    if inflater.unconsumed_tail:
        raise FormatError("it holds more than a map can be", fmt="share link")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FormatError("it does not hold a map", fmt="share link") from None
    return native.from_data(parse_json(text, fmt="share link"), path="share link")


def fits(token: str) -> bool:
    """Whether a token is short enough to travel in a link."""
    return len(token) <= MAX_TOKEN_CHARS


def link(base_url: str, token: str) -> str:
    """``base_url`` (its own query and fragment dropped) with the token as the ``map`` parameter."""
    parts = urlsplit(base_url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", urlencode({PARAM: token}), ""))
