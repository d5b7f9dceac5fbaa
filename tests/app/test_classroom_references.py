"""The teacher sets an assignment from a reference written anywhere (Argdown, AIF, OVA, Kialo) and a
pasted piece: the Classroom page says how many statements were found in the piece and lists the
others by their words; a bad file is refused in one sentence naming the file and the line or field."""

from __future__ import annotations

import pytest

from argmap.classroom.assignment import AssignmentStore
from tests.app.conftest import messages
from tests.classroom.variants import PIECES

FILE = "A file (Argdown, AIF, Kialo, Argmap JSON)"


def upload(at, name: str, data: bytes, piece: str) -> None:  # noqa: ANN001 - an AppTest
    at.radio(key="as_ref_kind").set_value(FILE).run()
    at.text_area(key="as_ref_piece").input(piece).run()
    next(u for u in at.get("file_uploader") if u.proto.label == "Reference file").upload(name, data)
    at.run()
    assert not at.exception, at.exception


@pytest.mark.parametrize(
    ("name", "piece", "found", "missing"),
    [
        ("homework.argdown", "homework", "8 of 8 statements found in the piece.", []),
        ("square-aifdb.json", "square", "7 of 8", ["Visitors come to see the church and the old houses”"]),
        (
            "libraries-ova3.json",
            "libraries",
            "7 of 9",
            ["It is the only day many working families can visit”", "Libraries are the heart of a town's"],
        ),
        ("homework-kialo.txt", "homework", "8 of 9", ["Tired children learn less the next morning”"]),
    ],
)
def test_a_reference_file_in_each_format_attaches_to_the_pasted_piece(
    app, store_dir, name, piece, found, missing
) -> None:
    at = app("classroom")
    text = (PIECES / f"{piece}.txt").read_text(encoding="utf-8")
    upload(at, name, (PIECES / name).read_bytes(), text)
    said = messages(at)
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert found in captions
    if missing:
        warning = next(w for w in said["warning"] if w.startswith("Not found in the piece"))
        for words in missing:
            assert f"“{words}" in warning
    else:
        assert not [w for w in said["warning"] if w.startswith("Not found")]
    at.button(key="FormSubmitter:assignment_form-Create the assignment").click().run()
    assert not at.exception
    code, key = at.session_state["classroom_code"], at.session_state["classroom_key"]
    made = AssignmentStore(store_dir).teacher(code, key)
    assert made.text == text  # students map the pasted piece
    spans = [s.span for s in made.reference.statements if s.span]
    assert spans and all(text[s.start : s.end] == s.text for s in spans)
    assert "reference" not in AssignmentStore(store_dir).brief(code).model_dump()


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        (
            "ref.txt",
            b"Discussion Title: T\n\n1. Thesis.\n1.1. Pro: Fine.\n1.7.3. Pro: Orphan.\n",
            "ref.txt: line 5: claim 1.7.3. has no parent 1.7. in this file",
        ),
        (
            "ref.json",
            b'{"nodes": [{"nodeID": "1", "text": "A.", "type": "I"}], "edges": '
            b'[{"edgeID": "1", "fromID": "1", "toID": "9"}], "locutions": []}',
            "ref.json: edge '1': toID '9' is not a nodeID in this file",
        ),
        ("ref.json", b'{"nodes": [\n {"nodeID": "1"\n "text": "x"}]}', "ref.json: line 3: not valid JSON"),
    ],
    ids=["kialo-line", "aif-field", "json-line"],
)
def test_a_bad_reference_file_is_refused_in_one_sentence_naming_file_and_place(app, name, data, said) -> None:
    at = app("classroom")
    text = (PIECES / "homework.txt").read_text(encoding="utf-8")
    upload(at, name, data, text)
    errors = messages(at)["error"]
    assert len(errors) == 1 and said in errors[0], errors
    assert "\n" not in errors[0].strip()
    assert not [b for b in at.button if b.key == "FormSubmitter:assignment_form-Create the assignment"]
    assert "classroom_code" not in at.session_state
