"""The FORMATS table (argmap.formats): each entry names its functions and imports its module on first use."""

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
def test_entries_resolve_to_the_functions_they_name(name):
    fmt = FORMATS[name]
    for where, fn in ((fmt.loads_at, fmt.loads), (fmt.dumps_at, fmt.dumps), (fmt.losses_at, fmt.losses)):
        if where is None:
            assert fn is None
            continue
        module, _, function = where.partition(":")
        assert fn is getattr(importlib.import_module(f"argmap.formats.{module}"), function)
        assert callable(fn)


def test_argdown_to_dot_imports_no_other_format_nor_graphviz_nor_pandas():
    # Reading one format must not pay for the others: the table imports a module on first use.
    code = (
        "import json, sys\n"
        "from argmap.formats import FORMATS, read\n"
        "amap, fmt = read(b'[a]: A claim.\\n  + [b]: A reason.\\n', 'f.argdown')\n"
        "FORMATS['dot'].dumps(amap)\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))
    assert "argmap.formats.argdown" in loaded and "argmap.formats.drawing" in loaded
    assert not {f"argmap.formats.{m}" for m in OTHER_FORMAT_MODULES} & loaded
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
