"""tools/setup.sh, the Python side of `make run` and `make test`: it says what is missing and what to install,
and rebuilds a broken .venv instead of tripping on it. Run in `venv` mode (no package installs)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "setup.sh"
HAS_ENSUREPIP = subprocess.run([sys.executable, "-c", "import ensurepip"], check=False).returncode == 0


def setup(tmp_path: Path, python: str, mode: str = "venv") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHON": python, "VENV": str(tmp_path / ".venv")}
    return subprocess.run(
        ["sh", str(SCRIPT), mode], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def fake_python(tmp_path: Path, *, version: str = "3.12", ensurepip: bool = True) -> str:
    """A `python3` that answers the script's questions as an old Python, or one without python3-venv."""
    major, minor = version.split(".")
    old = "1" if (int(major), int(minor)) < (3, 11) else "0"
    script = tmp_path / "python3"
    script.write_text(
        "#!/bin/sh\n"
        'case "$2" in\n'
        f'  *"print("*) echo {version} ;;\n'
        f'  *"version_info <"*) exit {old} ;;\n'
        f"  *ensurepip*) exit {0 if ensurepip else 1} ;;\n"
        "  *) exit 1 ;;\n"
        "esac\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return str(script)


def test_a_missing_python_says_what_to_install(tmp_path: Path) -> None:
    result = setup(tmp_path, str(tmp_path / "no-such-python"))
    assert result.returncode == 1
    assert "install Python 3.11 or newer" in result.stderr and "apt-get install python3" in result.stderr


def test_an_old_python_says_which_to_install(tmp_path: Path) -> None:
    result = setup(tmp_path, fake_python(tmp_path, version="3.9"))
    assert result.returncode == 1
    assert "is Python 3.9; Argmap needs 3.11 or newer" in result.stderr
    assert "PYTHON=python3.11" in result.stderr


def test_no_python3_venv_says_to_install_it_and_leaves_no_venv(tmp_path: Path) -> None:
    result = setup(tmp_path, fake_python(tmp_path, version="3.12", ensurepip=False))
    assert result.returncode == 1
    assert "install python3.12-venv" in result.stderr
    assert not (tmp_path / ".venv").exists()


@pytest.mark.skipif(not HAS_ENSUREPIP, reason="this Python cannot make virtualenvs (no ensurepip)")
def test_a_broken_venv_is_rebuilt_and_a_good_one_kept(tmp_path: Path) -> None:
    # What `python3 -m venv .venv` leaves on Debian without python3-venv: a python, no pip.
    broken = tmp_path / ".venv" / "bin"
    broken.mkdir(parents=True)
    (broken / "python").write_text(
        '#!/bin/sh\n[ "$1 $2" = "-m pip" ] && { echo "No module named pip" >&2; exit 1; }\n'
        f'exec {sys.executable} "$@"\n',
        encoding="utf-8",
    )
    (broken / "python").chmod(0o755)
    (tmp_path / ".venv" / ".app").touch()  # a stamp from an install that never finished
    python = shutil.which("python3") or sys.executable
    result = setup(tmp_path, python)
    assert result.returncode == 0, result.stderr
    assert "is broken (no working Python or pip in it): rebuilding it" in result.stdout
    assert subprocess.run([str(broken / "python"), "-m", "pip", "--version"], check=False).returncode == 0
    assert not (tmp_path / ".venv" / ".app").exists()  # so the packages are installed again
    again = setup(tmp_path, python)
    assert again.returncode == 0 and again.stdout == ""  # a working venv: nothing to do, nothing said


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize(
    ("target", "mode"), [("run", "app"), ("test", "dev"), ("bench", "dev"), ("eval", "app")]
)
def test_the_make_targets_set_up_through_the_script(target: str, mode: str) -> None:
    # Under `make test` itself, the outer make's MAKEFLAGS/MAKELEVEL would make this one print
    # "make[1]: Entering directory …" first: run it as a user would, from a plain shell.
    env = {
        k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES"}
    }
    plan = subprocess.run(
        ["make", "--no-print-directory", "-n", target],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    assert plan.splitlines()[0] == f"PYTHON=python3 VENV=.venv sh tools/setup.sh {mode}"
