"""Assignments: a piece, a reference map and settings, kept in the store; students join by code.

The lifecycle: a teacher **creates** an assignment and gets a short join code and a secret teacher
key; a student **joins** with the code (giving a name, or getting a pseudonym) and gets a seat
token; the student **saves** work and **submits** (again, until the due date), each a new revision;
the teacher **lists** the submissions and **releases** feedback. Students only ever get a
``Brief`` (the assignment without its reference map) until feedback is released.

``AssignmentStore`` keeps it all as documents beside the maps (``argmap.storage.documents``): files under
``<store>/.classroom/`` for the file store, a table for the PostgreSQL store, through the same code.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from argmap.errors import ClassroomError, StoreError
from argmap.model import ArgumentMap
from argmap.storage.documents import Documents, documents_at

Release = Literal["on_submit", "after_due", "manual"]
Status = Literal["not started", "in progress", "submitted"]
RELEASE_LABELS: dict[str, str] = {
    "on_submit": "as soon as a student submits",
    "after_due": "after the due date",
    "manual": "when I release it",
}
CODE_CHARS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read aloud and typed by a class
CODE_LENGTH = 6
MAX_NAME = 60
_ADJECTIVES = [
    "Amber",
    "Bold",
    "Brave",
    "Bright",
    "Calm",
    "Clever",
    "Coral",
    "Eager",
    "Fair",
    "Gentle",
    "Golden",
    "Happy",
    "Jade",
    "Keen",
    "Kind",
    "Lively",
    "Lucky",
    "Merry",
    "Noble",
    "Quick",
    "Quiet",
    "Rapid",
    "Silver",
    "Sunny",
    "Swift",
    "Teal",
    "Wise",
    "Witty",
]
_ANIMALS = [
    "Badger",
    "Bear",
    "Beaver",
    "Crane",
    "Deer",
    "Dolphin",
    "Eagle",
    "Falcon",
    "Fox",
    "Hare",
    "Heron",
    "Ibis",
    "Koala",
    "Lark",
    "Lynx",
    "Marten",
    "Otter",
    "Owl",
    "Panda",
    "Puffin",
    "Raven",
    "Robin",
    "Seal",
    "Swan",
    "Tiger",
    "Wolf",
    "Wren",
    "Yak",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Brief(_Frozen):
    """What a student sees of an assignment: everything but the reference map and the teacher key."""

    code: str
    title: str
    instructions: str
    text: str  # the piece
    source: str | None = None
    due: datetime | None = None
    release: Release = "manual"
    released: datetime | None = None  # when the teacher released feedback (manual)
    show_draft: bool = False
    pseudonyms: bool = False

    def feedback_open(self, submitted: datetime | None, now: datetime | None = None) -> bool:
        """Whether a student who submitted at ``submitted`` may see feedback (and the reference) now."""
        if submitted is None:
            return False
        now = now or _now()
        if self.released is not None:
            return True
        if self.release == "on_submit":
            return True
        return self.release == "after_due" and self.due is not None and now >= self.due

    def closed(self, now: datetime | None = None) -> bool:
        """Whether the due date has passed (no more submissions)."""
        return self.due is not None and (now or _now()) > self.due


class Assignment(Brief):
    """The whole assignment as stored: the brief, the reference map and the teacher key's hash."""

    reference: ArgumentMap
    created: datetime
    key_hash: str

    def brief(self) -> Brief:
        """The student's view of it: no reference, no key."""
        return Brief.model_validate(self.model_dump(exclude={"reference", "created", "key_hash"}))


class Stamp(_Frozen):
    """One revision of a student's work: its number, when it was saved, whether it was a submission."""

    revision: int
    saved: datetime | None = None  # None for a revision kept before stamps were recorded
    submitted: bool = False


class Submission(_Frozen):
    """One student's work on an assignment: the latest map, saved or submitted, and when."""

    seat: str  # the student's id in the class (a slug)
    name: str  # the name shown to the teacher: as given, or a pseudonym
    token_hash: str
    joined: datetime
    map: ArgumentMap | None = None
    revision: int = 0  # revisions of the work saved so far
    saved: datetime | None = None
    submitted: datetime | None = None  # the last submission
    submitted_revision: int | None = None
    stamps: tuple[Stamp, ...] = ()  # every revision's time, oldest first

    @property
    def status(self) -> Status:
        """not started (nothing saved), in progress (saved, or changed since submitting), submitted."""
        if self.submitted is not None and self.submitted_revision == self.revision:
            return "submitted"
        return "in progress" if self.map is not None else "not started"


@dataclass(frozen=True)
class Seat:
    """A student's place in an assignment: the code, the seat id, the shown name and the secret token."""

    code: str
    seat: str
    name: str
    token: str


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def normalise_code(code: str) -> str:
    """A join code as typed (spaces, dashes, lower case, O for 0) in its stored form."""
    return "".join(c for c in code.upper().replace("0", "O") if c.isalnum())


def same_piece(brief: Brief, amap: ArgumentMap) -> bool:
    """Whether ``amap`` maps the assignment's piece (its source text is the piece, spaces aside)."""
    if amap.source is None:
        return False
    return " ".join(amap.source.text.split()) == " ".join(brief.text.split())


def check_piece(brief: Brief, amap: ArgumentMap) -> None:
    """Refuse, in a sentence, a map of another piece."""
    if same_piece(brief, amap):
        return
    what = f"“{amap.title}”" if amap.title else "this map"
    if amap.source is None or not amap.source.text.strip():
        raise ClassroomError(
            f"{what} has no piece behind it, so it is not a map of “{brief.title}”: start your map "
            "from this assignment (Start my map) and build it there.",
            code=brief.code,
        )
    raise ClassroomError(
        f"{what} is a map of another piece, not of “{brief.title}”: open your map of this "
        "assignment, or start one here (Start my map), then submit again.",
        code=brief.code,
    )


class AssignmentStore:
    """Assignments kept as documents beside the maps, one folder each, every write atomic::

        <CODE>/assignment.json          the Assignment (reference map, settings, key hash)
        <CODE>/seats/<seat>.json        each student's Submission (the latest work)
        <CODE>/seats/<seat>/<rev>.json  every revision of that student's map

    under ``<store>/.classroom/`` (with ``.locks/<CODE>.lock``, one lock per assignment) for the file store,
    or in the ``argmap_documents`` table of the PostgreSQL store (a lock is a transaction), so several app
    servers share one class. ``AssignmentStore(location)`` takes a store location (a folder or a
    ``postgresql://`` URL) or a ``Documents``.

    The methods (each raises ``ClassroomError`` in a sentence):

    - ``create(reference, ...) -> (Assignment, teacher_key)``  a new assignment and its secret key
    - ``get(code) -> Assignment``                  the assignment (for the server; never sent to students)
    - ``brief(code) -> Brief``                     what a student may see
    - ``teacher(code, key) -> Assignment``         the assignment, if the key is the teacher's
    - ``join(code, name) -> Seat``                 a seat for a student (a pseudonym if the class uses them)
    - ``seat(code, token) -> Submission``          a student's work, by the seat token
    - ``save(code, token, amap) -> Submission``    the work in progress, as a new revision
    - ``submit(code, token, amap) -> Submission``  save and submit (refused when past due or off the piece)
    - ``submissions(code, key) -> list[Submission]``  every student's work, for the teacher
    - ``revisions(code, key, seat) -> list[int]``, ``revision(code, key, seat, rev) -> ArgumentMap``
    - ``history(code, key, seat) -> list[Stamp]``  each revision with its time and whether it was submitted
    - ``release(code, key) -> Assignment``         feedback released to the class now
    """

    def __init__(self, where: str | Path | Documents) -> None:
        self.docs = where if isinstance(where, Documents) else documents_at(str(where))

    # --- paths and documents --------------------------------------------------------------------

    def _dir(self, code: str) -> str:
        code = normalise_code(code)
        if len(code) != CODE_LENGTH or any(c not in CODE_CHARS for c in code):
            raise ClassroomError(
                f"“{code or '(empty)'}” is not a join code: a code has {CODE_LENGTH} letters and digits, "
                "like K7QF2M. Check it with your teacher.",
                code=code or None,
            )
        return code

    def _lock(self, code: str) -> AbstractContextManager[None]:
        return self.docs.lock(self._dir(code))

    @staticmethod
    def _encode(model: BaseModel) -> bytes:
        return (json.dumps(model.model_dump(mode="json"), indent=1, ensure_ascii=False) + "\n").encode(
            "utf-8"
        )

    def _write(self, path: str, model: BaseModel) -> None:
        self.docs.put(path, self._encode(model))

    def _read(self, path: str, kind: type[BaseModel]) -> BaseModel | None:
        """The document at ``path`` as a ``kind``; None if there is none."""
        data = self.docs.get(path)
        if data is None:
            return None
        try:
            return kind.model_validate_json(data)
        except (ValidationError, ValueError) as err:
            first = str(err).splitlines()[0]
            raise StoreError(f"{path}: unreadable ({first})", path) from None

    # --- the teacher ----------------------------------------------------------------------------

    def create(
        self,
        reference: ArgumentMap,
        *,
        title: str | None = None,
        instructions: str | None = None,
        due: datetime | None = None,
        release: Release = "manual",
        show_draft: bool = False,
        pseudonyms: bool = False,
        source: str | None = None,
    ) -> tuple[Assignment, str]:
        """A new assignment on the reference map's piece; returns it and the teacher's secret key."""
        src = reference.source
        if src is None or not src.text.strip():
            raise ClassroomError(
                "the reference map has no piece behind it: draft it from a piece on Analyze, or attach "
                "the piece to it (References from anywhere, on the Teacher view)"
            )
        if due is not None and due.tzinfo is None:
            due = due.replace(tzinfo=UTC)
        key = secrets.token_urlsafe(18)
        where = source or ", ".join(p for p in (src.author, src.outlet, src.date, src.url) if p) or None
        for _ in range(20):
            code = "".join(secrets.choice(CODE_CHARS) for _ in range(CODE_LENGTH))
            made = self._assignment(
                code,
                reference,
                src.text,
                title,
                instructions,
                where,
                due,
                release,
                show_draft,
                pseudonyms,
                key,
            )
            if self.docs.create(f"{code}/assignment.json", self._encode(made)):  # a claim: codes never clash
                return made, key
        raise ClassroomError("could not find a free join code; try again")  # pragma: no cover - 31**6 codes

    @staticmethod
    def _assignment(
        code: str,
        reference: ArgumentMap,
        text: str,
        title: str | None,
        instructions: str | None,
        where: str | None,
        due: datetime | None,
        release: Release,
        show_draft: bool,
        pseudonyms: bool,
        key: str,
    ) -> Assignment:
        return Assignment(
            code=code,
            title=(title or reference.title or "Untitled assignment").strip(),
            instructions=(instructions or "").strip()
            or "Map the argument of this piece: its main conclusion, reasons, objections and evidence.",
            text=text,
            source=where,
            due=due,
            release=release,
            show_draft=show_draft,
            pseudonyms=pseudonyms,
            reference=reference,
            created=_now(),
            key_hash=_hash(key),
        )

    def get(self, code: str) -> Assignment:
        """The assignment with join code ``code`` (server side only: it holds the reference)."""
        got = self._read(f"{self._dir(code)}/assignment.json", Assignment)
        if got is None:
            raise ClassroomError(
                f"no assignment has the code {normalise_code(code)}: check it with your teacher",
                code=normalise_code(code),
            )
        assert isinstance(got, Assignment)
        return got

    def brief(self, code: str) -> Brief:
        """What a student may see of the assignment."""
        return self.get(code).brief()

    def teacher(self, code: str, key: str) -> Assignment:
        """The assignment, if ``key`` is its teacher key; else ``ClassroomError``."""
        found = self.get(code)
        if not key or not hmac.compare_digest(found.key_hash, _hash(key.strip())):
            raise ClassroomError(
                "that is not this assignment's teacher key: open the teacher link you got when you "
                "created it",
                code=found.code,
            )
        return found

    def release(self, code: str, key: str) -> Assignment:
        """Release feedback (and the reference) to every student who submitted, now."""
        with self._lock(code):
            found = self.teacher(code, key)
            done = Assignment.model_validate(found.model_dump() | {"released": _now()})
            self._write(f"{self._dir(code)}/assignment.json", done)
        return done

    def submissions(self, code: str, key: str) -> list[Submission]:
        """Every student's work on the assignment, by name (teacher only)."""
        self.teacher(code, key)
        return sorted(self._seats(code).values(), key=lambda s: (s.name.casefold(), s.seat))

    def revisions(self, code: str, key: str, seat: str) -> list[int]:
        """The revisions of one student's work (teacher only), oldest first."""
        self.teacher(code, key)
        if not (seat.isascii() and seat.isalnum()):
            return []
        stems = (
            p.rsplit("/", 1)[1].removesuffix(".json")
            for p in self.docs.list(f"{self._dir(code)}/seats/{seat}")
        )
        return sorted(int(s) for s in stems if s.isdigit())

    def history(self, code: str, key: str, seat: str) -> list[Stamp]:
        """Every revision of one student's work with its time (teacher only), oldest first; a
        revision kept before times were recorded has none."""
        numbers = self.revisions(code, key, seat)
        sub = self._read(f"{self._dir(code)}/seats/{seat}.json", Submission) if numbers else None
        known = {s.revision: s for s in sub.stamps} if isinstance(sub, Submission) else {}
        return [known.get(n, Stamp(revision=n)) for n in numbers]

    def revision(self, code: str, key: str, seat: str, rev: int) -> ArgumentMap:
        """One revision of one student's work (teacher only)."""
        if rev not in self.revisions(code, key, seat):
            raise ClassroomError(f"{seat} has no revision {rev}", code=normalise_code(code))
        got = self._read(f"{self._dir(code)}/seats/{seat}/{rev}.json", ArgumentMap)
        assert isinstance(got, ArgumentMap)
        return got

    # --- the students ---------------------------------------------------------------------------

    def _seats(self, code: str) -> dict[str, Submission]:
        out: dict[str, Submission] = {}
        for path in self.docs.list(f"{self._dir(code)}/seats"):
            if not path.endswith(".json"):
                continue
            sub = self._read(path, Submission)
            assert isinstance(sub, Submission)
            out[sub.seat] = sub
        return out

    def join(self, code: str, name: str | None = None) -> Seat:
        """A seat for a student: under ``name`` (unique in the class) or a pseudonym, as the class is set."""
        brief = self.get(code)
        with self._lock(code):
            seats = self._seats(brief.code)
            taken = {s.name.casefold() for s in seats.values()}
            if brief.pseudonyms:
                shown = _pseudonym(taken, len(seats))
            else:
                shown = " ".join((name or "").split())
                if not shown:
                    raise ClassroomError("type your name to join (your teacher sees it)", code=brief.code)
                if len(shown) > MAX_NAME:
                    raise ClassroomError(f"a name has at most {MAX_NAME} characters", code=brief.code)
                if any(not c.isprintable() for c in shown):
                    raise ClassroomError("a name cannot hold control characters", code=brief.code)
                if shown.casefold() in taken:
                    raise ClassroomError(
                        f"someone in this class already joined as “{shown}”: add your initial or "
                        "surname, or open the link you got when you joined to go on with your map",
                        code=brief.code,
                    )
            seat = f"s{len(seats) + 1:03d}"
            while seat in seats:
                seat = f"s{int(seat[1:]) + 1:03d}"
            token = secrets.token_urlsafe(12)
            sub = Submission(seat=seat, name=shown, token_hash=_hash(token), joined=_now())
            self._write(f"{brief.code}/seats/{seat}.json", sub)
        return Seat(brief.code, seat, shown, f"{seat}.{token}")

    def seat(self, code: str, token: str) -> Submission:
        """A student's work, found by the seat token they got on joining."""
        seat, _, secret = (token or "").strip().partition(".")
        sub = (
            self._read(f"{self._dir(code)}/seats/{seat}.json", Submission)
            if seat.isascii() and seat.isalnum()
            else None
        )
        if sub is None:
            raise ClassroomError(
                "this join link is not for this assignment: open the link you got when you joined, or "
                "join again with the code",
                code=normalise_code(code),
            )
        assert isinstance(sub, Submission)
        if not hmac.compare_digest(sub.token_hash, _hash(secret)):
            raise ClassroomError(
                "this join link is not for this seat: open the link you got when you joined",
                code=normalise_code(code),
            )
        return sub

    def save(self, code: str, token: str, amap: ArgumentMap) -> Submission:
        """Keep the student's work in progress as a new revision (the piece must be the assignment's)."""
        return self._store(code, token, amap, submit=False)

    def submit(self, code: str, token: str, amap: ArgumentMap) -> Submission:
        """Save and submit; a student may submit again until the due date."""
        return self._store(code, token, amap, submit=True)

    def _store(self, code: str, token: str, amap: ArgumentMap, *, submit: bool) -> Submission:
        brief = self.get(code).brief()
        check_piece(brief, amap)
        now = _now()
        if submit and brief.closed(now):
            # The message promises the work is kept: a late submit still saves it as a revision.
            self._store(code, token, amap, submit=False)
            due = brief.due.strftime("%d %B %Y, %H:%M UTC") if brief.due else ""
            raise ClassroomError(
                f"the due date has passed ({due}): your work is saved, but it can no longer be "
                "submitted. Ask your teacher.",
                code=brief.code,
            )
        if submit and not amap.statements:
            raise ClassroomError(
                "your map has no statements yet: add the main conclusion and its reasons, then submit",
                code=brief.code,
            )
        with self._lock(code):
            sub = self.seat(code, token)
            rev = sub.revision + 1
            self._write(f"{brief.code}/seats/{sub.seat}/{rev}.json", amap)
            stamp = Stamp(revision=rev, saved=now, submitted=submit)
            changes: dict[str, object] = {"map": amap, "revision": rev, "saved": now}
            changes["stamps"] = (*sub.stamps, stamp)
            if submit:
                changes |= {"submitted": now, "submitted_revision": rev}
            new = Submission.model_validate(sub.model_dump() | changes)
            self._write(f"{brief.code}/seats/{sub.seat}.json", new)
        return new


def _pseudonym(taken: set[str], n: int) -> str:
    """A friendly name no one in the class has: 'Swift Otter', then 'Swift Otter 2' once all are used."""
    rng = secrets.SystemRandom()
    for _ in range(200):
        name = f"{rng.choice(_ADJECTIVES)} {rng.choice(_ANIMALS)}"
        if name.casefold() not in taken:
            return name
    k = 2
    while f"swift otter {k}" in taken:
        k += 1
    return f"Swift Otter {k}"
