"""The FORMATS table (argmap.formats): each entry holds its format module's functions."""

from __future__ import annotations

import gc
import importlib
import json
import subprocess
import sys

import pytest

from argmap.errors import FormatError
from argmap.formats import FORMATS, aif, read

OTHER_FORMAT_MODULES = ("aif", "kialo", "csv_table", "html", "markdown", "native")


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_entries_hold_the_format_modules_functions(name):
    fmt = FORMATS[name]
    assert fmt.loads is not None or fmt.dumps is not None
    for fn in (fmt.loads, fmt.dumps, fmt.losses):
        if fn is None:
            continue
        assert callable(fn)
        module = importlib.import_module(fn.__module__)
        assert module.__name__.startswith("argmap.formats.")
        assert getattr(module, fn.__name__) is fn  # a module's own function, not a wrapper


def test_reading_argdown_and_writing_dot_import_no_heavy_library_they_do_not_use():
    # The table holds every format's functions, yet the heavy third-party code each needs is imported
    # where it is used: Argdown to DOT needs neither pandas (CSV) nor the graphviz package nor Streamlit.
    code = (
        "import json, sys\n"
        "from argmap.formats import FORMATS, read\n"
        "amap, fmt = read(b'[a]: A claim.\\n  + [b]: A reason.\\n', 'f.argdown')\n"
        "FORMATS['dot'].dumps(amap)\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))
    assert {f"argmap.formats.{m}" for m in OTHER_FORMAT_MODULES} <= loaded  # the table imports them all
    assert not {"graphviz", "pandas", "streamlit"} & loaded


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_leaves_the_garbage_collector_as_it_found_it(enabled):
    # Readers pause the collector for speed (formats.pause_gc); a failed read must not leave it off.
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        read(b"[a]: A claim.\n", "f.argdown")
        assert gc.isenabled() is enabled
        with pytest.raises(FormatError):
            read(b"--\n", "f.argdown")
        assert gc.isenabled() is enabled
        with pytest.raises(FormatError):
            aif.loads('{"nodes": [], "edges": 1}')
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
