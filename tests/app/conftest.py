"""AppTest fixtures: the app on a temporary store holding a copy of the example map."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "streamlit_app.py"  # absolute: AppTest resolves relative paths against the caller
EXAMPLE = ROOT / "arguments" / "democrats-voter-data.json"
VIEWS = "src/argmap/app/views"

# The app hides error details from users (.streamlit/config.toml); a failing test should show them.
st_config.set_option("client.showErrorDetails", "full")


@pytest.fixture
def store_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary store with the example map; the app uses it instead of arguments/."""
    folder = tmp_path / "arguments"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / EXAMPLE.name)
    monkeypatch.setenv("ARGMAP_STORE", str(folder))
    return folder


@pytest.fixture
def app(store_dir: Path) -> Callable[..., AppTest]:
    """Start the app (optionally on a page) and return the AppTest after the first run."""

    def start(page: str | None = None, *, root: Path | None = None) -> AppTest:
        at = AppTest.from_file(str(APP), default_timeout=60)
        if root is not None:  # where the app looks for seeds/ (and arguments/ without ARGMAP_STORE)
            at.session_state["argmap_root"] = str(root)
        at.run()
        assert not at.exception, at.exception
        if page:
            at.switch_page(f"{VIEWS}/{page}.py").run()
            assert not at.exception, at.exception
        return at

    return start


def dot(at: AppTest) -> str:
    """The DOT source of the map drawn on the page (a Graphviz chart, or the Map page's tree)."""
    charts = at.get("graphviz_chart")
    if charts:
        return charts[0].proto.spec
    trees = [e for e in at.get("bidi_component") if e.proto.component_name == "argmap_tree"]
    assert trees, "no map drawn on the page"
    return json.loads(trees[0].proto.json)["dot"]


def tree_data(at: AppTest) -> dict:
    """What the Map page's tree component was given: svg, dot, selected, nodes, cards, title."""
    trees = [e for e in at.get("bidi_component") if e.proto.component_name == "argmap_tree"]
    assert trees, "no tree on the page"
    return json.loads(trees[0].proto.json)


def current(at: AppTest):
    """The open map (from the app's state)."""
    return at.session_state["argmap_history"].present


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def shown(markdown: str) -> str:
    """What a reader sees of Markdown the app escaped (widgets.md): no backslashes, plain line breaks,
    no word joiners (they keep a URL from becoming a link); the app's own ``**bold**`` is left as it is."""
    return _ESCAPED.sub(r"\1", markdown).replace("  \n", "\n").replace("\u2060", "")


def messages(at: AppTest) -> dict[str, list[str]]:
    """The texts of the status messages on the page, by kind (as a reader sees them)."""
    return {
        kind: [shown(m.value) for m in getattr(at, kind)] for kind in ("error", "warning", "success", "info")
    }


def page_html(at: AppTest) -> str:
    """The bodies of the st.html blocks on the page (legend, highlighted source text)."""
    return " ".join(h.proto.body for h in at.get("html"))


def picker_key(at: AppTest) -> str:
    """The key of the Map page's node picker now (it changes with every change of the map)."""
    return f"node_picker_v{at.session_state['argmap_version']}"


def select(at: AppTest, eid: str) -> AppTest:
    """Select a node on the Map page."""
    at.selectbox(key=picker_key(at)).select(eid).run()
    assert not at.exception, at.exception
    return at
