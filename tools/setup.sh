#!/bin/sh
# The Python side of the README's two commands, run by the Makefile: a working virtualenv with what a
# mode needs installed, saying what it does and, when something is missing, what to install.
#
#   sh tools/setup.sh venv   a working .venv (Python >= 3.11, with pip), rebuilt if it is broken
#   sh tools/setup.sh app    ... and requirements.txt + Argmap itself (make run)
#   sh tools/setup.sh dev    ... and requirements-dev.txt too (make test)
#
# PYTHON (default python3) and VENV (default .venv) may be set. A step is skipped when its stamp file
# is newer than the requirements it installed, so a second run installs nothing.
set -eu

MODE=${1:-dev}
PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}
say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: %s\n' "$*" >&2; exit 1; }

# 1. A Python that is new enough.
command -v "$PYTHON" >/dev/null 2>&1 ||
    fail "no '$PYTHON' on this machine: install Python 3.11 or newer (Debian/Ubuntu: apt-get install python3 python3-venv), or name one with PYTHON=..."
version=$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
    fail "'$PYTHON' is Python $version; Argmap needs 3.11 or newer: install it (Debian/Ubuntu: apt-get install python3.11 python3.11-venv) and run again with PYTHON=python3.11"

# 2. A virtualenv that works. `python3 -m venv` without Debian's python3-venv leaves a .venv with no pip:
#    every later run would trip on it, so a broken one is rebuilt.
venv_works() {
    [ -x "$VENV/bin/python" ] &&
        "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null &&
        "$VENV/bin/python" -m pip --version >/dev/null 2>&1
}
if ! venv_works; then
    if [ -e "$VENV" ]; then
        say "$VENV is broken (no working Python or pip in it): rebuilding it"
        rm -rf "$VENV"
    fi
    "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null ||
        fail "'$PYTHON' cannot make virtual environments: install python$version-venv (Debian/Ubuntu: apt-get install python$version-venv, or python3-venv), then run this again"
    say "creating $VENV with Python $version"
    if ! "$PYTHON" -m venv "$VENV" >/dev/null; then
        rm -rf "$VENV"
        fail "'$PYTHON -m venv $VENV' failed: install python$version-venv (Debian/Ubuntu: apt-get install python$version-venv), then run this again"
    fi
    venv_works || { rm -rf "$VENV"; fail "the new $VENV has no working pip: install python$version-venv, then run this again"; }
fi
[ "$MODE" = venv ] && exit 0

# 3. The packages, each set once (a stamp newer than its requirements means installed).
stale() {  # stale STAMP FILE...: the stamp is missing or older than one of the files
    stamp=$1
    shift
    [ -e "$stamp" ] || return 0
    for f in "$@"; do [ "$f" -nt "$stamp" ] && return 0; done
    return 1
}
install() {  # install STAMP WHAT HOW-LONG PIP-ARGS...
    stamp=$1
    what=$2
    how_long=$3
    shift 3
    start=$(date +%s)
    say "installing $what ($how_long the first time) ..."
    "$VENV/bin/python" -m pip install --disable-pip-version-check --progress-bar off -q "$@"
    touch "$stamp"
    say "installed $what in $(($(date +%s) - start)) s"
}
if stale "$VENV/.app" requirements.txt pyproject.toml; then
    install "$VENV/.app" "the app's Python packages from requirements.txt" "1 to 2 minutes" -r requirements.txt -e .
fi
if [ "$MODE" = dev ] && stale "$VENV/.dev" requirements-dev.txt "$VENV/.app"; then
    install "$VENV/.dev" "the test tools from requirements-dev.txt" "about a minute" -r requirements-dev.txt
fi
