"""A throwaway PostgreSQL server for tests and benches: initdb in a temporary folder, a free local port.

Debian's ``postgresql`` package (installed by ``make test``) puts the server binaries in
``/usr/lib/postgresql/<major>/bin``. ``initdb`` and ``postgres`` refuse to run as root, so as root they run as
the ``postgres`` user (``runuser``). The server listens on 127.0.0.1 and a socket in its own folder, trusts
local connections, and is stopped (``pg_ctl stop -m fast``) and removed when done.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def server_bin() -> Path | None:
    """The folder of the newest installed PostgreSQL server's binaries, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    pg_ctl = shutil.which("pg_ctl")
    return Path(pg_ctl).parent if pg_ctl else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(cmd: list[str], as_user: str | None) -> None:
    if as_user:
        cmd = ["runuser", "-u", as_user, "--", *cmd]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@contextmanager
def postgres_server(*, durable: bool = False) -> Iterator[str]:
    """Start a fresh server; yields its URL (``postgresql://postgres@127.0.0.1:PORT/postgres``).

    Tests run with ``fsync=off`` (a crash of the server itself is not what they test); ``durable=True`` keeps
    PostgreSQL's defaults, for benches that compare with the file store, which fsyncs every save.
    """
    bindir = server_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL's server is not installed: run `make test` (it installs `postgresql`)")
    as_user = "postgres" if os.geteuid() == 0 else None
    data = Path(tempfile.mkdtemp(prefix="argmap-pg-"))
    if as_user:
        shutil.chown(data, user=as_user)
    port = _free_port()
    try:
        _run(
            [str(bindir / "initdb"), "-D", str(data / "db"), "-A", "trust", "-U", "postgres", "-E", "UTF8"],
            as_user,
        )
        opts = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c max_connections=200"
        if not durable:
            opts += " -c fsync=off"
        _run(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data / "db"),
                "-o",
                opts,
                "-l",
                str(data / "log"),
                "-w",
                "start",
            ],
            as_user,
        )
        try:
            yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
        finally:
            _run([str(bindir / "pg_ctl"), "-D", str(data / "db"), "-m", "fast", "-w", "stop"], as_user)
    finally:
        shutil.rmtree(data, ignore_errors=True)


def empty_tables(url: str) -> None:
    """Create Argmap's schema at ``url`` if need be, then empty every table but the schema log."""
    import psycopg

    from argmap.storage.location import open_store

    open_store(url).list()  # migrates on first use
    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'argmap_schema'"
        ).fetchall()
        if rows:
            conn.execute("TRUNCATE " + ", ".join(f'"{r[0]}"' for r in rows) + " CASCADE")
