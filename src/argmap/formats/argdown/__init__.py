r"""Argdown (https://argdown.org): write, and read what we write plus hand-written files.

Written layout (each block a paragraph; the reference toolchain is ``@argdown/cli`` 1.7.5)::

    ===
    title: "Democrats selling voter data to retailers?"
    id: "democrats-voter-data"
    ===

    [s1]: Selling voter data kills the goose ... #(a tag) {implicit: true, rating: "accepted"}

    <i1>: the inference's note

    (1) [s2]
    (2) [s5]
    --
    cause to effect {rating: "weak"}
    --
    (3) [s1]

    [s9]
      -> [s7]

    [s12]
      _> <i3>

    [e1]: “That’s one of our growth areas,” said ... {evidence: "testimony", source: {author: "..."}}
      +> [s3]

- a statement → a titled statement ``[id]: text``, its tags as ``#(tag)``, and in its inline data
  ``implicit``, ``rating`` and ``note``;
- an inference → an argument ``<id>`` (its note as the description) whose premise–conclusion structure
  lists the co-premises (1)..(n), an inference line carrying the scheme as its rule, and the conclusion;
- an attack on a statement → ``-> [target]`` under the attacker; on an inference → ``_> <inference>``;
- evidence → a statement whose data holds ``evidence`` (the kind), ``source`` and ``reliability``, with
  ``+> [target]``; read back, such a statement with one support and no other use is evidence again;
- front matter: ``title``, ``id`` and the pinned ``main`` conclusion.

Text is escaped wherever Argdown's lexer would see markup: ``\ * _ [ ] < > # { } @``, ``.`` and ``:``
before a non-space (``.name.`` and ``:name:`` are special characters), ``/`` before ``/`` or ``*``
(comments) and runs of ``=`` (front matter).

Reading also takes hand-written Argdown: untitled statements, statement and argument definitions and
references anywhere, relations nested by indentation (``+ - _ +> -> _> <+ <- <_ ><``), multi-step
premise–conclusion structures (each step an inference from the statements since the previous
conclusion), ``#tag``/``#(tag)``, inline ``{...}`` data, comments, headings and list markers. A relation to
or from an argument with a premise–conclusion structure attaches to its main conclusion (an undercut to
its last inference); an argument without one becomes a statement (its description, else its title).
A contradiction ``><`` becomes two attacks. Inline Markdown (``*bold*``) is kept as written.

Lost on the way out: an attack repeated between the same two elements (Argdown merges it into one);
line breaks inside texts (Argdown joins a paragraph's lines: they become spaces)
and spaces at either end of a text; attack ids (read back as a1, a2, ...), their schemes, notes and
ratings; critical-question answers; authors, dates, cue words and reasons; spans and the source text;
tags that contain ``)`` or a line break.

The package holds one module per job: ``_write`` (map → text, and ``losses``), ``_read`` (lines →
the statements, arguments and relations they name), ``_build`` (those → a validated map), ``_escape``
(Argdown's markup characters) and ``_yaml`` (the inline data and front matter).
"""

from __future__ import annotations

from argmap.formats import pause_gc
from argmap.formats.argdown._build import build
from argmap.formats.argdown._escape import kept_text
from argmap.formats.argdown._read import NAME, Reader
from argmap.formats.argdown._write import dumps, losses
from argmap.model import ArgumentMap

__all__ = ["NAME", "dumps", "kept_text", "loads", "losses"]


def loads(text: str, path: str | None = None) -> ArgumentMap:
    """Parse Argdown; a construct that does not fit raises ``FormatError`` with its line."""
    with pause_gc():
        reader = Reader(path)
        reader.read(text)
        return build(reader)
