"""Files of one short opinion piece as people have them, made here rather than committed: a Word
document (python-docx writes it), a PDF (fpdf2), OpenDocument text (odfpy), RTF, an HTML page full of
clutter, a Windows Notepad file (UTF-16 with a byte-order mark) and a Windows-1252 file; and a local
web server to fetch them from."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TITLE = "The town library should open on Sundays"
PARAGRAPHS = (
    "The town library should open on Sundays, because Sunday is the only free day for many working "
    "families. Children who cannot visit on weekdays lose the habit of reading.",
    "Admittedly, opening costs money. But the council\u2019s own report shows that a Sunday opening would "
    "cost less than a tenth of the \u00a3200,000 arts budget.",
    "Therefore the council should fund Sunday hours this year, and the caf\u00e9 next door agrees.",
)
TEXT = TITLE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
WORDS = "only free day for many working families"  # in every reading of the piece


def docx_bytes() -> bytes:
    import docx

    doc = docx.Document()
    doc.add_paragraph(TITLE, style="Title")
    for p in PARAGRAPHS:
        doc.add_paragraph(p)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def pdf_bytes(*, password: str | None = None, text: bool = True) -> bytes:
    """A one-page PDF of the piece (lines wrapped as a word processor would); ``text=False`` draws
    only a rectangle, as a scanned page has no text layer."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(TITLE)
    pdf.add_page()
    if text:
        pdf.set_font("helvetica", size=16)
        pdf.multi_cell(0, 8, TITLE)
        pdf.ln(4)
        pdf.set_font("helvetica", size=11)
        for p in PARAGRAPHS:
            # fpdf2's core fonts are Latin-1: the curly apostrophe becomes a straight one
            pdf.multi_cell(0, 6, p.replace("\u2019", "'"))
            pdf.ln(3)
    else:
        pdf.rect(20, 20, 100, 150, style="F")
    if password:
        pdf.set_encryption(owner_password=password + "-owner", user_password=password)
    return bytes(pdf.output())


def odt_bytes() -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    doc = OpenDocumentText()
    doc.text.addElement(H(outlinelevel=1, text=TITLE))
    for p in PARAGRAPHS:
        doc.text.addElement(P(text=p))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def rtf_bytes() -> bytes:
    def escape(s: str) -> str:
        return "".join(ch if ord(ch) < 128 else f"\\u{ord(ch)}?" for ch in s)

    body = "\\par\n".join(escape(p) for p in (TITLE, *PARAGRAPHS))
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times;}}\n" + body + "\\par\n}").encode("ascii")


def html_bytes() -> bytes:
    article = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Sunday opening | The Town Crier</title>"
        "<script>trackVisitor('subscribe now');</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a> <a href='/subscribe'>Subscribe today and "
        "save forty per cent</a></nav><header>The Town Crier: your local news since 1899</header>"
        f"<article><h1>{TITLE}</h1>{article}</article>"
        "<aside><h2>Most read</h2><ul><li>Ten recipes for summer</li><li>Council car park to close"
        "</li></ul></aside><footer>Copyright 2026 The Town Crier. Privacy policy. Cookie settings."
        "</footer></body></html>"
    ).encode()


def utf16_bytes() -> bytes:
    """As Windows Notepad saves "Unicode": UTF-16 little-endian with a byte-order mark, CRLF lines."""
    return TEXT.replace("\n", "\r\n").encode("utf-16")


def cp1252_bytes() -> bytes:
    return TEXT.replace("\n", "\r\n").encode("cp1252")


# --- a local web server for the URL tests ------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """What the test server answers at one path: a status, a media type, a body; ``delay`` seconds
    before each chunk of ``chunks`` (a page that trickles in), ``length`` a Content-Length to claim (-1:
    none)."""

    body: bytes = b""
    media_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    chunks: int = 1
    length: int | None = None
    headers: tuple[tuple[str, str], ...] = ()


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[str]:
    """Serve ``routes`` on 127.0.0.1 (a free port) while the block runs; yields the base address."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server name
            route = routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.media_type)
            for key, value in route.headers:
                self.send_header(key, value)
            if route.length != -1:  # -1: no length, the body ends when the connection closes
                self.send_header(
                    "Content-Length", str(len(route.body) if route.length is None else route.length)
                )
            self.end_headers()
            step = max(1, len(route.body) // route.chunks)
            try:
                for i in range(0, max(len(route.body), 1), step):
                    time.sleep(route.delay)
                    self.wfile.write(route.body[i : i + step])
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should on a slow or huge page

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet in tests
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.block_on_close = False  # a handler still trickling a slow page must not hold up the test
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
