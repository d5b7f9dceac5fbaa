import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.classroom import exercise
from argmap.cli import main
from argmap.edit import operations as edit
from argmap.formats import native

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"
SEED = ROOT / "seeds" / "democrats-voter-data.txt"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def by_check(findings):
    out = {}
    for f in findings:
        out.setdefault(f["check"], []).append(f)
    return out


@pytest.mark.parametrize("path", [SEED, EXAMPLE], ids=["text", "map"])
def test_check_finds_rhetorical_questions_hypocrisy_and_unsupported_prediction(path):
    result = run("check", path, "--json", "--severity", "info")
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    found = by_check(data["findings"])
    assert len(found["rhetorical_question"]) >= 2
    assert any("hypocrit" in f["cue"].lower() for f in found["attack_on_arguer"])
    assert any(
        f["severity"] == "warning" and "unsupported prediction" in f["message"].lower()
        for f in found["prediction_as_fact"]
    )
    assert data["count"] == len(data["findings"])


def test_check_prints_findings_grouped_by_node():
    result = run("check", EXAMPLE)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    s8 = lines.index(next(x for x in lines if x.startswith("s8 ")))
    assert "rhetorical_question" in lines[s8 + 1]
    assert lines[s8 + 2].strip().startswith("cue: why quibble?")
    assert lines[s8 + 3].strip().startswith("ask: ")
    assert "at or above 'warning'" in lines[-1]


def test_check_exit_status_follows_severity():
    assert run("check", EXAMPLE, "--severity", "error").exit_code == 0
    assert run("check", EXAMPLE, "--severity", "warning").exit_code == 1


def test_check_bad_file_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{ nope", encoding="utf-8")
    result = run("check", bad)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "bad.json" in result.output


def test_compare_json_has_score_and_parts(tmp_path):
    ref = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    damaged = edit.remove(ref, "a1")
    damaged, _ = edit.link_premise(damaged, "s9", "s7")
    student = tmp_path / "student.json"
    student.write_text(native.dumps(damaged), encoding="utf-8")
    same = json.loads(run("compare", EXAMPLE, EXAMPLE, "--json").output)
    assert same["score"] == 1.0
    result = run("compare", EXAMPLE, student, "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert 0 < data["score"] < 1
    assert set(data["parts"]) == {"main", "reasons", "objections", "detail", "precision"}
    assert any("the author raises it to answer it" in f["message"] for f in data["feedback"])
    text = run("compare", EXAMPLE, student).output
    assert text.startswith("score: ") and "- You used the objection" in text


def test_compare_accepts_an_exercise_as_reference(tmp_path):
    ex = tmp_path / "ex.json"
    ex.write_text(exercise.dumps(exercise.create(native.loads(EXAMPLE.read_text(encoding="utf-8")))), "utf-8")
    assert json.loads(run("compare", ex, EXAMPLE, "--json").output)["score"] == 1.0


def test_grade_writes_csv_summary_and_chart(tmp_path):
    import pandas as pd

    ref = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "ada.json").write_text(native.dumps(ref), encoding="utf-8")
    (folder / "bob.json").write_text(native.dumps(edit.remove(ref, "s6")), encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    out = tmp_path / "results.csv"
    result = run("grade", EXAMPLE, folder, "-o", out)
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out)
    assert list(table["student"]) == ["ada", "bob"]
    assert table["score"].iloc[0] == 100 and table["score"].iloc[1] < 100  # whole percents, as the app's CSV
    assert all(float(v).is_integer() for v in table["score"].dropna())
    assert "graded 2 of 2" in result.output
    assert "1 of 2: Missed the reason “Data collection efforts" in result.output, result.output
    svg = (tmp_path / "results-mistakes.svg").read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    assert (tmp_path / "results-mistakes.csv").exists()


def test_grade_empty_folder_says_so(tmp_path):
    result = run("grade", EXAMPLE, tmp_path, "-o", tmp_path / "r.csv")
    assert result.exit_code == 1
    assert "no map files" in result.output


def test_check_reads_a_kialo_txt_as_a_map_not_a_text(tmp_path):
    from argmap.formats import FORMATS

    kialo = FORMATS["kialo"]
    path = tmp_path / "debate.txt"
    path.write_text(kialo.dumps(native.loads(EXAMPLE.read_text(encoding="utf-8"))), encoding="utf-8")
    data = json.loads(run("check", path, "--json", "--severity", "info").output)
    assert any(f["check"] == "rhetorical_question" for f in data["findings"])


AUDIT_PIECE = Path(__file__).resolve().parents[1] / "fixtures" / "audit" / "school-streets.txt"


def test_audit_prints_a_one_page_report_with_the_planted_point_in_the_top_three():
    result = run("audit", AUDIT_PIECE)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "What to raise first" in out and "Questions for the writer" in out and "Claims to check" in out
    top = out.split("What to raise first")[1].split("Questions for the writer")[0]
    first_three = [line for line in top.splitlines() if line[:2] in ("1.", "2.", "3.")]
    assert any("closures will pay for themselves" in line for line in first_three), first_three
    assert "23 percent" in out.split("Claims to check")[1]


def test_audit_as_markdown_and_json_and_the_claim_exports(tmp_path):
    md = run("audit", AUDIT_PIECE, "--format", "markdown")
    assert md.exit_code == 0 and md.output.startswith("# Audit: ")
    csv_out, ld_out = tmp_path / "claims.csv", tmp_path / "claims.jsonld"
    js = run("audit", AUDIT_PIECE, "--format", "json", "--claims-csv", csv_out, "--claim-reviews", ld_out)
    assert js.exit_code == 0, js.output
    data = json.loads(js.output)
    assert 1 <= len(data["top"]) <= 5 and data["top"][0]["sentence"]
    assert data["claims"] and data["claim_reviews"][0]["@type"] == "ClaimReview"
    assert csv_out.read_text(encoding="utf-8").startswith("id,claim,kinds,source_given")
    assert json.loads(ld_out.read_text(encoding="utf-8"))[0]["claimReviewed"]


def test_audit_applies_a_dismissal_saved_in_the_map(tmp_path):
    from argmap.analysis.audit import audit
    from argmap.extractor import extract

    amap = extract(AUDIT_PIECE.read_text(encoding="utf-8"))
    first = audit(amap).top[0]
    path = tmp_path / "m.json"
    path.write_text(native.dumps(edit.review(amap, first.key, "dismissed")), encoding="utf-8")
    data = json.loads(run("audit", path, "--format", "json").output)
    assert first.key in data["dismissed"]
    assert first.key not in [p["key"] for p in data["top"]]


def test_check_and_compare_take_the_files_people_have(tmp_path):
    from tests.pieces import samples

    essay = tmp_path / "essay.docx"
    essay.write_bytes(samples.docx_bytes())
    result = run("check", essay, "--json", "--severity", "info")
    assert result.exit_code in (0, 1) and json.loads(result.output)["file"] == str(essay)
    notepad = tmp_path / "notepad.txt"
    notepad.write_bytes(samples.utf16_bytes())
    result = run("compare", essay, notepad, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["score"] > 0.9  # the same piece, drafted from two files


def test_compare_takes_an_exercise_through_formats_read(tmp_path):
    from argmap.classroom import exercise

    amap = native.loads(EXAMPLE.read_text(encoding="utf-8"))
    path = tmp_path / "class.json"
    path.write_text(exercise.dumps(exercise.create(amap)), encoding="utf-8")
    from argmap.formats import read

    assert read(path.read_bytes(), path.name)[1].name == "exercise"
    result = run("compare", path, EXAMPLE, "--json")
    assert result.exit_code == 0 and json.loads(result.output)["score"] == 1.0
