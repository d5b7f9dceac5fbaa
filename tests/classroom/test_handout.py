import io
import shutil
from pathlib import Path

import pytest

from argmap.classroom import handout
from argmap.formats import native
from argmap.model import ArgumentMap

EXAMPLE = Path(__file__).resolve().parents[2] / "arguments" / "democrats-voter-data.json"


@pytest.fixture
def ref() -> ArgumentMap:
    return native.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_the_essay_plan_has_thesis_reasons_support_objections_and_answers(ref):
    md = handout.to_markdown(handout.plan(ref))
    assert md.startswith("# Essay plan: Democrats selling voter data to retailers?")
    thesis = md.index("## Thesis")
    assert thesis < md.index("## Reason 1") < md.index("## Objection 1") < md.index("## Conclusion")
    assert "- *Because:* Democrats may be selling the voter data" in md
    assert "*Evidence:* “That’s one of our growth areas,”" in md
    assert (
        "They say that Wal\\-Mart won't get an offer" in md
        or "They say that Wal-Mart won't get an offer" in md
    )
    assert "- *The answer:* Other Democratic bêtes noires" in md


def test_a_map_without_a_main_conclusion_says_so():
    md = handout.to_markdown(handout.plan(ArgumentMap(id="m", title="Empty")))
    assert "no main conclusion yet" in md


def test_the_word_plan_holds_the_same_parts(ref):
    from docx import Document

    doc = Document(io.BytesIO(handout.to_docx(handout.plan(ref))))
    text = [p.text for p in doc.paragraphs]
    assert text[0] == "Essay plan: Democrats selling voter data to retailers?"
    assert "Thesis" in text and "Reason 1" in text and "Objection 1" in text
    assert any(t.startswith("The answer: Other Democratic") for t in text)


def test_the_map_prints_on_one_page(ref):
    from pypdf import PdfReader

    if shutil.which("dot") is None:
        pytest.fail("Graphviz's dot is missing: `make test` installs it")
    pdf = handout.map_pdf(ref)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 1
    box = pages[0].mediabox
    assert float(box.width) <= 8.27 * 72 + 1 and float(box.height) <= 11.69 * 72 + 1
