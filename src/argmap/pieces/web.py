"""Fetch a piece from the web: an article's address → its bytes and media type, within a time and a size
limit, so a slow, huge or missing page is refused in a sentence instead of hanging the app or the CLI.

A server that fetches addresses its users type (the app) must not become their way into its own network:
with ``public_only`` every address, redirects included, must resolve to public IP addresses. (A name that
resolves differently a moment later can still slip through; a deployment that needs more puts the app
behind an egress proxy.) The CLI fetches for the person at the keyboard and allows any address.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from argmap.errors import InputError

TIMEOUT = 15.0  # seconds for the whole fetch, not per read: a page that trickles in is cut off too
MAX_BYTES = 16_000_000  # the size limit of every file Argmap reads
_CHUNK = 65_536
_USER_AGENT = "Argmap/0.1 (argument mapping; reads one article on request)"


@dataclass(frozen=True)
class Download:
    """What a web address gave: the body, the media type the server named (lower case, no
    parameters; "" if none), the address it ended at after redirects, and the character set the
    server named (None if it named none)."""

    data: bytes
    media_type: str
    url: str
    charset: str | None = None


def is_url(text: str) -> bool:
    """Whether ``text`` is an http(s) address (what the CLI and the app fetch rather than open)."""
    return text.strip().lower().startswith(("http://", "https://"))


def fetch(
    url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES, public_only: bool = False
) -> Download:
    """The body of ``url`` (http or https only), or an ``InputError`` saying why not: a bad address,
    an HTTP error, no answer within ``timeout`` seconds, more than ``max_bytes`` bytes, or (with
    ``public_only``) an address on a private network."""
    url = url.strip()
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(f"{url}: not a web address (it should start with http:// or https://)")
    if public_only:
        check_public(url)
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept": "*/*"})
    opener = urllib.request.build_opener(_Redirects(public_only))
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputError(f"{url}: the page is {int(declared):,} bytes; the limit is {max_bytes:,}")
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read1(_CHUNK):  # what has arrived: the deadline is checked as it trickles
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(f"{url}: the page is over the limit of {max_bytes:,} bytes")
                if time.monotonic() > deadline:
                    raise InputError(f"{url}: the page took over {timeout:g} s to arrive; try again later")
                chunks.append(chunk)
            media_type = response.headers.get_content_type() if response.headers.get("Content-Type") else ""
            final = response.geturl()
            charset = response.headers.get_content_charset()
    except InputError:
        raise
    except urllib.error.HTTPError as err:
        raise InputError(f"{url}: the server answered {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, TimeoutError):
            raise InputError(f"{url}: no answer within {timeout:g} s; try again later") from None
        raise InputError(f"{url}: cannot be reached ({reason})") from None
    except TimeoutError:
        raise InputError(f"{url}: no answer within {timeout:g} s; try again later") from None
    except (OSError, ValueError, http.client.HTTPException) as err:  # a dropped connection, a bad answer
        raise InputError(f"{url}: the download failed ({type(err).__name__}: {err})") from None
    return Download(data=b"".join(chunks), media_type=media_type, url=final, charset=charset)


def check_public(url: str) -> None:
    """Refuse ``url`` unless its host resolves to public addresses only (not loopback, private,
    link-local such as a cloud's metadata service, or reserved)."""
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as err:
        raise InputError(f"{url}: cannot be reached ({err})") from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not address.is_global:
            raise InputError(
                f"{url}: {host} is on a private network ({address}), which this server does not fetch from; "
                "save the page in your browser and upload it"
            )


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects as urllib does, checking each new address as the first was checked."""

    def __init__(self, public_only: bool) -> None:
        super().__init__()
        self.public_only = public_only

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if self.public_only:
            check_public(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)
