"""Share links: the map survives the trip through a URL; damaged links fail with a clear error."""

from __future__ import annotations

import base64
import zlib
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from argmap.edit import operations as edit
from argmap.errors import FormatError, MapInvalid
from argmap.formats import native
from argmap.model import ArgumentMap
from argmap.storage import share

EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "democrats-voter-data.json"


@pytest.fixture
def amap() -> ArgumentMap:
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_round_trip_is_lossless(amap: ArgumentMap) -> None:
    token = share.encode(amap)
    assert share.decode(token) == amap
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def test_example_map_fits_in_a_link(amap: ArgumentMap) -> None:
    token = share.encode(amap)
    assert share.fits(token)
    assert len(token) < len(native.dumps(amap)) / 2  # compression earns its keep


def test_link_carries_token_in_query(amap: ArgumentMap) -> None:
    token = share.encode(amap)
    url = share.link("http://example.org:8501/share?old=1#frag", token)
    parts = urlsplit(url)
    assert parts.path == "/share" and not parts.fragment
    assert parse_qs(parts.query) == {share.PARAM: [token]}
    assert share.decode(parse_qs(parts.query)[share.PARAM][0]) == amap


def test_large_map_does_not_fit(amap: ArgumentMap) -> None:
    big = amap
    for n in range(400):
        # Varied text so compression cannot fold it away.
        big, _ = edit.add_statement(big, f"Claim number {n} about {hash((n, 'x')) % 10**9} things")
    assert not share.fits(share.encode(big))


@pytest.mark.parametrize(
    "token",
    ["", "!!!not base64!!!", base64.urlsafe_b64encode(b"plain bytes").decode(), "AAAA"],
)
def test_damaged_token_is_a_format_error(token: str) -> None:
    with pytest.raises(FormatError, match="share link"):
        share.decode(token)


def test_token_with_bad_map_names_the_problem() -> None:
    raw = b'{"id":"m","statements":[{"id":"s1","text":" "}]}'
    token = base64.urlsafe_b64encode(zlib.compress(raw)).decode().rstrip("=")
    with pytest.raises(MapInvalid, match="s1"):
        share.decode(token)


def test_zip_bomb_is_refused() -> None:
    raw = b'{"id":"m","title":"' + b"a" * (share.MAX_INFLATED_BYTES + 10) + b'"}'
    token = base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode()
    assert len(token) < 20_000
    with pytest.raises(FormatError, match="more than a map"):
        share.decode(token)
