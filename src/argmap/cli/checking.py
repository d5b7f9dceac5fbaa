"""CLI commands for reasoning checks and the classroom: ``check``, ``compare``, ``grade``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.cli.convert import load_map, write_output

if TYPE_CHECKING:
    from argmap.analysis.checks import Finding
    from argmap.model import ArgumentMap

SEVERITY = click.Choice(["info", "warning", "error"])


@click.command("check")
@click.argument("file", metavar="FILE")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option(
    "--severity",
    type=SEVERITY,
    default="warning",
    show_default=True,
    help="List findings at or above this severity; exit 1 if there are any.",
)
def check_cmd(file: str, as_json: bool, severity: str) -> None:
    """Check FILE (a map, or a text that is drafted first) for weak points; findings grouped by node.

    Findings are cues worded as questions, not verdicts. Exit status 1 means something at or
    above --severity was found, 0 that nothing was.
    """
    from argmap.analysis.checks import by_node, check

    amap = load_map(file)
    found = check(amap, min_severity=severity)  # type: ignore[arg-type]
    if as_json:
        click.echo(
            json.dumps(
                {
                    "file": file,
                    "severity": severity,
                    "count": len(found),
                    "findings": [f.model_dump(mode="json") for f in found],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        _print_findings(amap, by_node(amap, found), file, severity)
    sys.exit(1 if found else 0)


def _print_findings(amap: ArgumentMap, groups: dict[str, list[Finding]], file: str, severity: str) -> None:
    """The findings as text, grouped under the node each is about, then a count."""
    from argmap.model import Evidence, Statement

    total = sum(len(v) for v in groups.values())
    if not total:
        click.echo(f"{file}: no findings at or above '{severity}'")
        return
    for nid, findings in groups.items():
        try:
            el = amap.element(nid)
        except KeyError:
            el = None
        text = el.text if isinstance(el, Statement | Evidence) else ""
        text = text if len(text) <= 90 else text[:89] + "…"
        click.echo(click.style(f"{nid}", bold=True) + (f"  “{text}”" if text else ""))
        for f in findings:
            others = [n for n in f.node_ids if n != nid]
            also = f" (with {', '.join(others)})" if others else ""
            click.echo(f"  {f.severity:<8}{f.check}{also}: {f.message}")
            if f.cue:
                click.echo(f"          cue: {f.cue}")
            click.echo(f"          ask: {f.question}")
    click.echo(f"{file}: {total} finding(s) at or above '{severity}'")


@click.command("compare")
@click.argument("reference", metavar="REF")
@click.argument("student", metavar="STUDENT")
@click.option("--json", "as_json", is_flag=True, help="Print the score, its parts and the feedback as JSON.")
def compare_cmd(reference: str, student: str, as_json: bool) -> None:
    """Compare a STUDENT map with the REF map (or exercise file): score 0-1, its parts, feedback."""
    from argmap.classroom.compare import compare

    result = compare(load_map(reference), load_map(student))
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(f"score: {result.score:.2f}")
    for name, value in result.parts.items():
        click.echo(f"  {name:<10} {value:.2f}")
    if result.feedback:
        click.echo("feedback:")
        for f in result.feedback:
            click.echo(f"  - {f.message}")


@click.command("grade")
@click.argument("reference", metavar="REF")
@click.argument("folder", metavar="STUDENT_DIR", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--output", "out", required=True, metavar="RESULTS.csv", help="Where to write the table.")
def grade_cmd(reference: str, folder: str, out: str) -> None:
    """Grade every map in STUDENT_DIR against REF: a CSV row per student, a class summary, and a
    chart of the mistakes most students made (RESULTS-mistakes.csv and .svg, next to the CSV)."""
    from argmap.classroom import grading
    from argmap.formats import FORMATS

    suffixes = {s for f in FORMATS.values() if f.loads for s in f.suffixes}
    paths = [p for p in Path(folder).iterdir() if p.is_file() and p.suffix.lower() in suffixes]
    if not paths:
        raise click.ClickException(f"{folder}: no map files ({', '.join(sorted(suffixes))}) to grade")
    ref = load_map(reference)
    table, results = grading.grade(ref, paths)
    # Whole percents, as in the app's gradebook CSV (a gradebook imports the same numbers either way);
    # atomic, regular files only, a full disk one sentence (StoreError), as every -o of the CLI.
    write_output(out, grading.as_percents(table).to_csv(index=False))
    mistakes = grading.mistakes_by(ref, results, top=None)
    stem = Path(out).with_suffix("")
    write_output(f"{stem}-mistakes.csv", mistakes.to_csv(index=False))
    chart = grading.mistakes_chart_svg(mistakes.head(grading.TOP), len(results))
    write_output(f"{stem}-mistakes.svg", chart)
    summary = grading.summary(table)
    click.echo(f"graded {summary['graded']} of {summary['students']} student map(s) -> {out}")
    for key, value in summary.items():
        if key not in ("students", "graded"):
            click.echo(f"  {key:<16} {value:.2f}")
    for rec in mistakes.head(5).to_dict("records"):
        click.echo(f"  {rec['students']} of {len(results)}: {rec['mistake']}")
    click.echo(f"chart: {stem}-mistakes.svg")


@click.command("audit")
@click.argument("file", metavar="FILE")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="Write the report as plain text, Markdown or JSON.",
)
@click.option("--claims-csv", metavar="OUT.csv", help="Also write the check-worthy claims as CSV.")
@click.option(
    "--claim-reviews", metavar="OUT.jsonld", help="Also write schema.org ClaimReview skeletons (JSON-LD)."
)
def audit_cmd(file: str, fmt: str, claims_csv: str | None, claim_reviews: str | None) -> None:
    """An editor's audit of FILE (a map, or a text drafted first): the weak points that matter
    most, ranked by how much of the conclusion rests on them, the questions for the writer and the
    factual claims to check, on one page. Decisions stored in the map (asked, answered, dismissed)
    are applied."""
    from argmap.analysis import claims as claims_mod
    from argmap.analysis.audit import audit
    from argmap.analysis.report import render

    amap = load_map(file)
    result = audit(amap)
    click.echo(render(amap, result, fmt), nl=False)
    if claims_csv:
        write_output(claims_csv, claims_mod.claims_csv(result.claims))
    if claim_reviews:
        write_output(
            claim_reviews,
            json.dumps(claims_mod.claim_reviews(amap, result.claims), indent=2, ensure_ascii=False) + "\n",
        )
