"""Copy every map, with its past revisions, and the classroom from one store to another (files ↔ PostgreSQL).

Revision numbers, times and authors are kept as they are (``put_history``); a name the target already
holds is refused before anything is written, so a copy never overwrites. After copying, every revision is
read back from the target and compared, byte for byte in native JSON, with the source.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.errors import StoreError
from argmap.formats import native
from argmap.storage.backend import MapStore


@dataclass(frozen=True)
class Copied:
    """What a copy moved: maps, revisions (the current ones included) and classroom documents, all checked."""

    maps: int
    revisions: int
    documents: int = 0

    def __str__(self) -> str:
        return (
            f"copied {self.maps} maps with {self.revisions} revisions and {self.documents} classroom "
            "documents; every one read back and matched"
        )


def copy_store(source: MapStore, target: MapStore) -> Copied:
    """Copy every map of ``source`` with its history into ``target``; ``StoreError`` on any mismatch."""
    entries = [e for e in source.list() if e.error is None]
    unreadable = [e.name for e in source.list() if e.error is not None]
    if unreadable:
        raise StoreError(f"{source.describe()}: cannot copy unreadable maps: {', '.join(unreadable[:20])}")
    taken = [e.name for e in entries if target.exists(e.name)]
    if taken:
        raise StoreError(
            f"{target.describe()} already has maps called {', '.join(taken[:20])}; nothing was copied"
        )
    src_docs, dst_docs = source.documents(), target.documents()
    paths = src_docs.walk()
    clash = [p for p in paths if dst_docs.get(p) is not None]
    if clash:
        raise StoreError(
            f"{target.describe()} already has classroom documents {', '.join(clash[:20])}; nothing was copied"
        )
    histories = {}
    for e in entries:
        revs = sorted(r.revision for r in source.revisions(e.name))
        histories[e.name] = [source.load_revision(e.name, r) for r in revs]
    for name, history in histories.items():
        target.put_history(name, history)
    count = 0
    for name, history in histories.items():
        got = sorted(r.revision for r in target.revisions(name))
        if got != [m.revision for m in history]:
            raise StoreError(
                f"{target.describe()}: '{name}' has revisions {got}, expected {[m.revision for m in history]}"
            )
        for m in history:
            if native.dumps(target.load_revision(name, m.revision)) != native.dumps(m):
                raise StoreError(
                    f"{target.describe()}: '{name}' revision {m.revision} differs from the source"
                )
            count += 1
    for path in paths:
        dst_docs.put(path, src_docs.get(path) or b"")
    for path in paths:
        if dst_docs.get(path) != src_docs.get(path):
            raise StoreError(f"{target.describe()}: classroom document {path} differs from the source")
    return Copied(len(histories), count, len(paths))
