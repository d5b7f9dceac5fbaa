"""Discussion on a map: comment on any element, reply, resolve a thread, list the open questions.

A thread is a comment (``reply_to`` None) on an element and the replies to it; it is open until
someone resolves it. Comments are part of the map (``ArgumentMap.comments``), so they are saved,
merged and exported with it; a thread goes when its element is removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from argmap.errors import EditError
from argmap.model import ArgumentMap, Comment


@dataclass(frozen=True)
class Thread:
    """A comment that opens a discussion, and its replies in order."""

    opener: Comment
    replies: tuple[Comment, ...]

    @property
    def target(self) -> str:
        """The element the thread is about."""
        return self.opener.target

    @property
    def resolved(self) -> bool:
        """Whether someone closed the thread."""
        return self.opener.resolved

    @property
    def people(self) -> tuple[str, ...]:
        """Who took part, in order of first word."""
        return tuple(dict.fromkeys(c.author or "someone" for c in (self.opener, *self.replies)))


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _with(amap: ArgumentMap, comment: Comment) -> tuple[ArgumentMap, str]:
    from argmap.edit.operations import rebuild

    if not comment.text.strip():
        raise EditError("a comment needs some text", element=comment.target)
    return rebuild(amap, comments=(*amap.comments, comment)), comment.id


def add_comment(
    amap: ArgumentMap, target: str, text: str, *, author: str | None = None
) -> tuple[ArgumentMap, str]:
    """Open a thread on element ``target`` (a statement, inference, attack or evidence)."""
    from argmap.edit.operations import next_id

    if target not in amap.ids():
        raise EditError(f"no element '{target}' in this map to comment on", element=target)
    c = Comment(id=next_id(amap, "c"), target=target, text=text.strip(), author=author, created=_now())
    return _with(amap, c)


def reply(
    amap: ArgumentMap, comment_id: str, text: str, *, author: str | None = None
) -> tuple[ArgumentMap, str]:
    """Answer in the thread of ``comment_id`` (a reply to a reply joins the same thread)."""
    from argmap.edit.operations import next_id

    opener = _opener(amap, comment_id)
    c = Comment(
        id=next_id(amap, "c"),
        target=opener.target,
        text=text.strip(),
        author=author,
        created=_now(),
        reply_to=opener.id,
    )
    return _with(amap, c)


def set_resolved(amap: ArgumentMap, comment_id: str, resolved: bool = True) -> ArgumentMap:
    """Close (or reopen) the thread of ``comment_id``."""
    from argmap.edit.operations import rebuild

    opener = _opener(amap, comment_id)
    new = opener.model_copy(update={"resolved": resolved})
    return rebuild(amap, comments=tuple(new if c.id == opener.id else c for c in amap.comments))


def _opener(amap: ArgumentMap, comment_id: str) -> Comment:
    by_id = {c.id: c for c in amap.comments}
    c = by_id.get(comment_id)
    if c is None:
        raise EditError(f"no comment '{comment_id}' in this map", element=comment_id)
    return by_id[c.reply_to] if c.reply_to is not None else c


def threads(amap: ArgumentMap, target: str | None = None) -> list[Thread]:
    """The threads of the map (of one element, with ``target``), in the order they were opened."""
    replies: dict[str, list[Comment]] = {}
    for c in amap.comments:
        if c.reply_to is not None:
            replies.setdefault(c.reply_to, []).append(c)
    return [
        Thread(c, tuple(replies.get(c.id, ())))
        for c in amap.comments
        if c.reply_to is None and (target is None or c.target == target)
    ]


def open_questions(amap: ArgumentMap) -> list[Thread]:
    """The threads nobody has resolved yet: what the Check page lists as open questions."""
    return [t for t in threads(amap) if not t.resolved]
