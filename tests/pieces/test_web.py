"""An article's URL, fetched from a local server the test starts: read like a file, or refused in a
sentence."""

from __future__ import annotations

import pytest

from argmap import pieces
from argmap.errors import InputError
from argmap.pieces import web
from tests.pieces.samples import TITLE, WORDS, Route, docx_bytes, html_bytes, pdf_bytes, serve

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_an_article_url_reads_like_the_page() -> None:
    with serve({"/news/sunday-opening": Route(html_bytes())}) as base:
        piece = pieces.read_url(f"{base}/news/sunday-opening")
    assert piece.title == TITLE and WORDS in piece.text and "Subscribe" not in piece.text
    assert piece.url == f"{base}/news/sunday-opening" and piece.kind == "web page"


@pytest.mark.parametrize(
    ("body", "media_type", "kind"),
    [(pdf_bytes(), "application/pdf", "PDF"), (docx_bytes(), DOCX, "Word document")],
)
def test_a_url_to_a_document_is_read_by_its_content(body: bytes, media_type: str, kind: str) -> None:
    with serve({"/download?id=7": Route(body, media_type)}) as base:
        piece = pieces.read_url(f"{base}/download?id=7")
    assert piece.kind == kind and WORDS in piece.text


def test_errors_say_what_happened() -> None:
    routes = {
        "/gone": Route(b"gone", status=410),
        "/huge": Route(b"x" * 2_000, length=2_000),
        "/endless": Route(b"x" * 5_000, chunks=50, length=10**9),
        "/slow": Route(b"<p>late</p>" * 10, delay=0.3, chunks=10),
    }
    with serve(routes) as base:
        with pytest.raises(InputError, match=r"/missing: the server answered 404 Not Found$"):
            pieces.read_url(f"{base}/missing")
        with pytest.raises(InputError, match=r"/gone: the server answered 410"):
            pieces.read_url(f"{base}/gone")
        with pytest.raises(InputError, match=r"/huge: the page is 2,000 bytes; the limit is 1,000"):
            web.fetch(f"{base}/huge", max_bytes=1_000)
        with pytest.raises(InputError, match=r"/endless: the page is 1,000,000,000 bytes"):
            web.fetch(f"{base}/endless")
        with pytest.raises(InputError, match=r"/slow: (the page took over 0.5 s|no answer within 0.5 s)"):
            web.fetch(f"{base}/slow", timeout=0.5)


def test_a_page_over_the_limit_without_a_length_is_cut_off() -> None:
    # no Content-Length to refuse it by: the client must count what arrives
    with (
        serve({"/big": Route(b"x" * 5_000, chunks=5, length=-1)}) as base,
        pytest.raises(InputError, match=r"over the limit of 1,000 bytes"),
    ):
        web.fetch(f"{base}/big", max_bytes=1_000)


def test_nothing_listening_and_bad_addresses() -> None:
    with serve({}) as base:
        closed = base  # the server is shut when the block ends
    with pytest.raises(InputError, match=r"cannot be reached"):
        pieces.read_url(f"{closed}/x", timeout=2)
    for bad in ("ftp://example.org/a.txt", "file:///etc/passwd", "https://"):
        with pytest.raises(InputError, match=r"not a web address"):
            web.fetch(bad)


def test_public_only_refuses_private_addresses_and_redirects_into_them() -> None:
    with serve({"/page": Route(html_bytes())}) as base:
        assert pieces.read_url(f"{base}/page").title == TITLE  # the CLI fetches for its user: allowed
        with pytest.raises(InputError, match=r"127\.0\.0\.1 is on a private network \(127\.0\.0\.1\)"):
            pieces.read_url(f"{base}/page", public_only=True)
    for address in ("http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://10.0.0.8/"):
        with pytest.raises(InputError, match=r"is on a private network"):
            web.check_public(address)


def test_a_redirect_into_a_private_network_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # A public page that redirects to the server's own network: the redirect is checked as the first was.
    seen: list[str] = []

    def only_the_first_is_public(url: str) -> None:
        seen.append(url)
        if len(seen) > 1:
            raise InputError(f"{url}: refused, a private address")

    monkeypatch.setattr(web, "check_public", only_the_first_is_public)
    routes = {"/start": Route(status=302, headers=(("Location", "/inside"),)), "/inside": Route(html_bytes())}
    with serve(routes) as base:
        assert web.fetch(f"{base}/start").url == f"{base}/inside"  # redirects are followed
        with pytest.raises(InputError, match=r"/inside: refused, a private address"):
            web.fetch(f"{base}/start", public_only=True)
    assert seen == [f"{base}/start", f"{base}/inside"]


def test_the_charset_the_server_names_is_honoured() -> None:
    # Short Central European text reads as Windows-1252 too ("£ódŸ"): only the server's word settles it
    body = "\u0141\u00f3d\u017a has a new bike lane.".encode("cp1250")
    with serve({"/t": Route(body, media_type="text/plain; charset=windows-1250")}) as base:
        assert pieces.read_url(f"{base}/t").text == "\u0141\u00f3d\u017a has a new bike lane."
    with serve({"/t": Route(body, media_type="text/plain; charset=no-such-charset")}) as base:
        assert "has a new bike lane" in pieces.read_url(f"{base}/t").text  # unknown: guessed, as for a file
