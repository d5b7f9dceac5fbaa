"""AIF JSON (Argument Interchange Format, as AIFdb and OVA write it): read and write.

Spec: http://www.arg-tech.org/wp-content/uploads/2011/09/aif-spec.pdf; JSON as AIFdb exports it
(``{"nodes": [...], "edges": [...], "locutions": [...]}``).

What maps to what:

- statement → I node (``nodeID`` = the statement id, ``text``, ``timestamp`` from ``created``);
- inference → one RA node (``nodeID`` = the inference id) with an edge from every co-premise and one
  edge to the conclusion; its text (and ``scheme``) is the scheme name, else "Default Inference";
- attack → one CA node; attacker I → CA → the attacked I node (rebut) or RA node (undercut);
- evidence → an I node holding the evidence text plus an RA node whose scheme is "Evidence" from it to the
  statement it backs; on reading, such an RA with a single premise used nowhere else becomes evidence again;
- ``"locutions": []`` is always written (readers such as arguebuf tell AIF from other JSON by that key).

Reading also takes OVA3's wrapped form (``{"AIF": {...}, "OVA": ..., "text": ...}``), skips the
dialogical nodes (L, YA, TA) and their edges, and skips MA (rephrase) and PA (preference) nodes. A CA node
with several attackers becomes one attack per attacker.

Lost on the way out (AIF has no place for them): the map's title, id, pinned main conclusion and source
text; spans; tags; implicit flags; notes, authors, cue words and reasons; ratings and critical-question
answers; evidence kind, source and reliability. Timestamps keep whole seconds, in UTC.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import PurePath
from typing import Any

from argmap.errors import FormatError
from argmap.formats import parse_json, pause_gc, validated
from argmap.model import ArgumentMap

NAME = "aif"
EVIDENCE_SCHEME = "Evidence"
_DEFAULT_TEXT = {"RA": "Default Inference", "CA": "Default Conflict"}
_DIALOGICAL = {"L", "YA", "TA"}
_SKIPPED = {"MA", "PA", ""}  # rephrase, preference, untyped scheme nodes: no place in our model
_ARGUMENT_NODES = {"I", "RA", "CA"}
_KNOWN = _ARGUMENT_NODES | _DIALOGICAL | _SKIPPED
_EVIDENCE_LOWER = EVIDENCE_SCHEME.lower()
_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


def losses(amap: ArgumentMap) -> list[str]:
    """What an AIF export of ``amap`` drops, one sentence each (empty when nothing is lost)."""
    out = [f"the map's title '{amap.title}' and id (AIF has no map metadata)"]
    if amap.source and amap.source.text:
        out.append("the source text and every span in it")
    if any(s.tags for s in amap.statements):
        out.append("statement tags")
    if any(s.implicit for s in amap.statements):
        out.append("which premises are implicit (they become ordinary I nodes)")
    if any(s.rating for s in amap.statements) or any(r.rating for r in (*amap.inferences, *amap.attacks)):
        out.append("ratings")
    if any(r.answers for r in (*amap.inferences, *amap.attacks)):
        out.append("answers to critical questions")
    if amap.evidence:
        out.append("evidence kind, source and reliability (evidence becomes an I node with an 'Evidence' RA)")
    if any(e.note or e.author or e.reason or e.cues for g in _groups(amap) for e in g):
        out.append("notes, authors, cue words and reasons")
    if amap.main:
        out.append("the pinned main conclusion")
    if amap.comments:
        out.append(f"the {len(amap.comments)} comment(s) of the map's discussion")
    return out


def dumps(amap: ArgumentMap) -> str:
    """The map as AIF JSON (two-space indent, a final newline)."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []

    def add_node(nid: str, kind: str, text: str, created: datetime | None, scheme: str | None = None) -> None:
        node: dict[str, Any] = {"nodeID": nid, "text": text, "type": kind}
        if scheme:
            node["scheme"] = scheme
        if created is not None:
            node["timestamp"] = _timestamp(created)
        nodes.append(node)

    def add_edge(source: str, target: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": source, "toID": target, "formEdgeID": None})

    for s in amap.statements:
        add_node(s.id, "I", s.text, s.created)
    for i in amap.inferences:
        add_node(i.id, "RA", i.scheme or _DEFAULT_TEXT["RA"], i.created, i.scheme)
        for p in i.premises:
            add_edge(p, i.id)
        add_edge(i.id, i.conclusion)
    for a in amap.attacks:
        add_node(a.id, "CA", a.scheme or _DEFAULT_TEXT["CA"], a.created, a.scheme)
        add_edge(a.source, a.id)
        add_edge(a.id, a.target)
    taken = amap.ids()
    for e in amap.evidence:
        ra = _fresh(f"{e.id}.evidence", taken)
        add_node(e.id, "I", e.text, e.created)
        add_node(ra, "RA", EVIDENCE_SCHEME, e.created, EVIDENCE_SCHEME)
        add_edge(e.id, ra)
        add_edge(ra, e.target)
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": []}, indent=2, ensure_ascii=False) + "\n"


def loads(text: str, path: str | None = None) -> ArgumentMap:
    """Parse AIF (or OVA3-wrapped AIF) JSON; an element that does not fit raises ``FormatError``."""
    with pause_gc():
        return _loads(text, path)


def _loads(text: str, path: str | None) -> ArgumentMap:
    data = parse_json(text, fmt=NAME, path=path)
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict):
        data = data["AIF"]  # OVA3 wraps the graph beside its layout and the source text
    if not isinstance(data, dict):
        raise FormatError("expected a JSON object with 'nodes' and 'edges'", fmt=NAME, path=path)
    for key in ("nodes", "edges"):
        if not isinstance(data.get(key), list):
            raise FormatError(f"expected a list under '{key}'", fmt=NAME, path=path, element=key)
    return _build(data["nodes"], data["edges"], path)


def _build(raw_nodes: list[Any], raw_edges: list[Any], path: str | None) -> ArgumentMap:
    # One pass over the nodes and one over the edges, then plain dicts for one model_validate call:
    # the map's own validation (types and invariants) is the check; this only shapes the data.
    def fail(message: str, element: str) -> FormatError:
        return FormatError(message, fmt=NAME, path=path, element=element)

    nodes: dict[str, dict[str, Any]] = {}
    types: dict[str, str] = {}
    for n, node in enumerate(raw_nodes, 1):
        if not isinstance(node, dict) or "nodeID" not in node:
            raise fail("expected an object with a 'nodeID'", f"node #{n}")
        nid = str(node["nodeID"])
        kind = node.get("type")
        if not isinstance(kind, str) or kind not in _KNOWN:  # a list or an object is no type (unhashable)
            raise fail(
                f"type {kind!r}; expected one of {', '.join(sorted(k for k in _KNOWN if k))}", f"node '{nid}'"
            )
        if kind == "I" and not isinstance(node.get("text"), str):
            raise fail("an I node needs its text as a string", f"node '{nid}'")
        if nid in nodes:
            raise fail("duplicate nodeID", f"node '{nid}'")
        nodes[nid] = node
        types[nid] = kind

    ins: dict[str, list[str]] = {nid: [] for nid in nodes}
    outs: dict[str, list[str]] = {nid: [] for nid in nodes}
    for n, edge in enumerate(raw_edges, 1):
        if not isinstance(edge, dict):
            raise fail("expected an object with 'fromID' and 'toID'", f"edge #{n}")
        source, target = str(edge.get("fromID")), str(edge.get("toID"))
        if source not in nodes or target not in nodes:
            end = "fromID" if source not in nodes else "toID"
            raise fail(
                f"{end} {edge.get(end)!r} is not a nodeID in this file",
                f"edge '{edge.get('edgeID', f'#{n}')}'",
            )
        if types[source] in _DIALOGICAL or types[target] in _DIALOGICAL:
            continue  # locutions anchor the argument; they are not part of it
        outs[source].append(target)
        ins[target].append(source)

    ids = _Ids()
    for nid, kind in types.items():
        if kind in _ARGUMENT_NODES:
            ids.claim(nid)
    new_id = ids.new_id

    evidence_ins: set[str] = set()
    inferences: list[dict[str, Any]] = []
    attacks: list[dict[str, Any]] = []
    evidence: list[dict[str, Any]] = []
    for nid, node in nodes.items():
        kind = types[nid]
        if kind != "RA" and kind != "CA":
            continue
        sources = [s for s in ins[nid] if types[s] == "I"]
        scheme = _scheme(node)
        created = _created(node) if "timestamp" in node else None
        if kind == "RA":
            conclusions = [t for t in outs[nid] if types[t] == "I"]
            if not sources:
                raise fail("has no premise; expected at least one edge from an I node", f"RA node '{nid}'")
            if len(conclusions) != 1:
                raise fail(
                    f"has {len(conclusions)} conclusions; expected one edge to an I node", f"RA node '{nid}'"
                )
            premise = sources[0]
            if (
                scheme
                and len(sources) == 1
                and scheme.lower() == _EVIDENCE_LOWER
                and len(outs[premise]) == 1
                and not ins[premise]  # the premise is used nowhere else
            ):
                evidence_ins.add(premise)
                evidence.append(
                    {
                        "id": new_id[premise],
                        "target": new_id[conclusions[0]],
                        "text": nodes[premise]["text"],
                        "created": created,
                    }
                )
                continue
            inferences.append(
                {
                    "id": new_id[nid],
                    "premises": [
                        new_id[s] for s in (dict.fromkeys(sources) if len(sources) > 1 else sources)
                    ],
                    "conclusion": new_id[conclusions[0]],
                    "scheme": scheme,
                    "created": created,
                }
            )
        else:
            targets = [t for t in outs[nid] if types[t] == "I" or types[t] == "RA"]
            if not sources:
                raise fail("has no attacker; expected an edge from an I node", f"CA node '{nid}'")
            if len(targets) != 1:
                raise fail(
                    f"has {len(targets)} targets; expected one edge to an I or RA node", f"CA node '{nid}'"
                )
            for k, s in enumerate(dict.fromkeys(sources)):
                aid = new_id[nid] if k == 0 else ids.fresh(f"{new_id[nid]}.{k + 1}")
                attacks.append(
                    {
                        "id": aid,
                        "source": new_id[s],
                        "target": new_id[targets[0]],
                        "scheme": scheme,
                        "created": created,
                    }
                )
    statements = [
        {"id": new_id[nid], "text": node["text"], "created": _created(node) if "timestamp" in node else None}
        for nid, node in nodes.items()
        if types[nid] == "I" and nid not in evidence_ins
    ]
    name = PurePath(path).stem if path else "aif-import"
    data = {
        "id": _map_id(name),
        "title": name if path else "Imported AIF map",
        "statements": statements,
        "inferences": inferences,
        "attacks": attacks,
        "evidence": evidence,
    }
    return validated(
        data,
        lambda problems: FormatError(f"the graph does not make a valid map: {problems}", fmt=NAME, path=path),
    )


class _Ids:
    """AIF nodeIDs as map ids: kept where they fit our id pattern, replaced (uniquely) where not."""

    def __init__(self) -> None:
        self.new_id: dict[str, str] = {}  # nodeID -> map id
        self._taken: set[str] = set()

    def claim(self, nid: str) -> None:
        new = nid if _ID.match(nid) and nid not in self._taken else None
        self.new_id[nid] = new or self.fresh("n" + re.sub(r"[^A-Za-z0-9_.:-]", "", nid)[:40])

    def fresh(self, base: str) -> str:
        new = _fresh(base, self._taken)
        self._taken.add(new)
        return new


def _fresh(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is not taken yet."""
    new, n = base, 1
    while new in taken:
        n += 1
        new = f"{base}-{n}"
    return new


def _scheme(node: dict[str, Any]) -> str | None:
    """The scheme name of an RA/CA node; None for AIF's "Default Inference"/"Default Conflict"."""
    raw = node.get("scheme") or node.get("text") or ""
    name = str(raw).strip()
    return None if not name or name == _DEFAULT_TEXT.get(node["type"]) else name


def _timestamp(when: datetime) -> str:
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return when.strftime(_TIME_FORMAT)


def _created(node: dict[str, Any]) -> datetime | None:
    """A node's timestamp as a UTC datetime; None when absent or not in AIF's format."""
    raw = node.get("timestamp")
    if not isinstance(raw, str):
        return None
    try:
        return datetime.strptime(raw, _TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None  # a timestamp in some other format is metadata, not worth refusing the file for


def _map_id(name: str) -> str:
    """A valid map id made from a file name."""
    return re.sub(r"[^A-Za-z0-9_.:-]+", "-", name).strip("-.")[:64] or "map"


def _groups(amap: ArgumentMap) -> tuple[tuple[Any, ...], ...]:
    return (amap.statements, amap.inferences, amap.attacks, amap.evidence)
