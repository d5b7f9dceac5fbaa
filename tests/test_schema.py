"""The published JSON Schema (schema/argmap.schema.json) is current and describes real map files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from argmap.model import ArgumentMap

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schema" / "argmap.schema.json"
EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"


def test_published_schema_is_current() -> None:
    current = json.dumps(ArgumentMap.model_json_schema(), indent=2) + "\n"
    assert SCHEMA.read_text(encoding="utf-8") == current, (
        "schema/argmap.schema.json is out of date with the model; regenerate it with "
        "`.venv/bin/argmap schema > schema/argmap.schema.json` and commit it"
    )


def test_schema_accepts_the_example_and_rejects_a_bad_map() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    example = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    assert list(validator.iter_errors(example)) == []
    example["statements"][0]["kind"] = "claim"  # an unknown field
    example["evidence"][0]["kind"] = "rumour"  # not an evidence kind
    assert len(list(validator.iter_errors(example))) == 2
