"""Safe writes to the file system: atomic replacement of a file, and exclusive locks by name.

``write_atomic`` writes a temporary file in the same folder, fsyncs it, ``os.replace``s it over the
target and fsyncs the folder, so a crash at any moment leaves either the old file or the new one,
never half of one. ``locked`` holds ``flock``s on lock files, so read-compare-write sequences in
several threads or processes serialize.
"""

from __future__ import annotations

import fcntl
import os
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from argmap.errors import StoreError


def _file_mode() -> int:
    """The mode ``open()`` would give a new file under the process umask (read once, at import)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries to disk, so a rename in it survives a crash."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a mix.

    The file gets ``mode``, by default the mode a plain ``open()`` would give a new file. Only a regular
    file is replaced: a symbolic link, FIFO, device or folder at ``path`` is refused (``os.replace``
    would put a plain file in its place). A full disk or a missing permission is a ``StoreError``
    saying so; the old file, if any, is then untouched.
    """
    refuse_unless_regular(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise StoreError(f"{path}: cannot write here ({err.strerror or err})", str(path)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _FILE_MODE if mode is None else mode)  # mkstemp makes 0600
        os.replace(tmp, path)
    except OSError as err:  # ENOSPC, EDQUOT, EACCES, EIO: the temporary file goes, the old one stays
        Path(tmp).unlink(missing_ok=True)
        kept = "the old file is unchanged" if path.exists() else "nothing was written"
        raise StoreError(f"{path}: could not write it ({err.strerror or err}); {kept}", str(path)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


_KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def kind_of(path: Path, *, follow: bool = False) -> str | None:
    """What ``path`` is when it is not a regular file ("a FIFO (named pipe)", ...); None for a regular
    file or nothing there. ``follow``: look through a symbolic link (for reading)."""
    try:
        mode = (path.stat() if follow else path.lstat()).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    return next((name for test, name in _KINDS if test(mode)), None)


def refuse_unless_regular(path: Path) -> None:
    """``StoreError`` unless ``path`` is a regular file or absent: the only things Argmap replaces."""
    kind = kind_of(path)
    if kind is not None:
        raise StoreError(f"{path} is {kind}; Argmap replaces only regular files", str(path))


@contextmanager
def locked(lockdir: Path, names: Iterable[str], *, timeout: float) -> Iterator[None]:
    """Hold the exclusive lock of each of ``names`` in ``lockdir`` (taken in sorted order: no deadlock).

    Waits up to ``timeout`` seconds for each lock, then raises ``StoreError``. Lock files are never
    deleted: deleting one while another process waits on it would let two holders in.
    """
    lockdir.mkdir(parents=True, exist_ok=True)
    fds: list[int] = []
    try:
        for name in sorted(set(names)):
            fd = os.open(lockdir / f"{name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
            fds.append(fd)
            deadline = time.monotonic() + timeout
            pause = 0.001
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise StoreError(
                            f"'{name}' is being saved by another process (waited {timeout:.0f} s)",
                            str(lockdir / f"{name}.lock"),
                        ) from None
                    time.sleep(pause)
                    pause = min(pause * 2, 0.02)  # back off, but keep waiters responsive
        yield
    finally:
        for fd in reversed(fds):
            os.close(fd)  # closing the descriptor releases its flock
