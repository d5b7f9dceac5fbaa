"""Export & share: download the map in every format, or share a link that carries the map itself."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from functools import partial

import streamlit as st

from argmap.app import state, widgets
from argmap.errors import ArgmapError
from argmap.formats import FORMATS, native
from argmap.formats.drawing import draw
from argmap.render import IMAGE_FORMATS, MISSING_DOT
from argmap.storage import share
from argmap.storage.names import slug

st.title("Export & share")
amap = state.current_map()
if amap is None:
    widgets.no_map()
    st.stop()
widgets.show_flash()
st.caption(f"**{widgets.md(amap.title, line=True)}** — {widgets.map_caption(amap)}")


@st.cache_data(max_entries=64, show_spinner=False)
def _export(fmt: str, map_json: str) -> tuple[bytes | None, str | None]:
    """The map in ``fmt`` (cached per map content), or the error message saying why not."""
    dumps = FORMATS[fmt].dumps
    if dumps is None:
        return None, f"Argmap reads {FORMATS[fmt].label} files but does not write them."
    try:
        data = dumps(native.loads(map_json))
    except ArgmapError as err:
        return None, f"{widgets.md(str(err))}\n\n{widgets.hint(err)}"
    return (data.encode("utf-8") if isinstance(data, str) else data), None


@st.cache_data(max_entries=32, show_spinner=False)
def _picture(fmt: str, map_json: str, direction: str | None) -> tuple[bytes | None, str | None]:
    """The map as a picture in the direction chosen on the Map page (None: the one its shape suits)."""
    try:
        return draw(
            native.loads(map_json), fmt, "LR" if direction == "LR" else "TB" if direction else None
        ), None
    except ArgmapError as err:
        return None, f"{widgets.md(str(err))}\n\n{widgets.hint(err)}"


def _image(fmt: str, map_json: str) -> bytes:
    """An image download, made when the button is clicked: in the direction the user chose."""
    chosen = state.view_value("view_direction")
    data, problem = _picture(fmt, map_json, chosen if chosen in ("TB", "LR") else None)
    return data if data is not None else (problem or "").encode("utf-8")


st.subheader("Download")
st.caption("Every format Argmap can write. The HTML file is a self-contained page that opens in any browser.")
map_json = native.dumps(amap)
base = slug(amap.title) or "argument-map"
# The HTML page first: it is the one to send to someone without Argmap.
writable = sorted((f for f in FORMATS.values() if f.dumps is not None), key=lambda f: f.name != "html")
# Formats that share a suffix (Argmap JSON and AIF are both .json) get their name in the file name too.
file_names: dict[str, str] = {}
for fmt in writable:
    taken = any(other.suffixes[0] == fmt.suffixes[0] for other in writable[: writable.index(fmt)])
    file_names[fmt.name] = f"{base}.{fmt.name}{fmt.suffixes[0]}" if taken else f"{base}{fmt.suffixes[0]}"
has_dot = shutil.which("dot") is not None
cols = st.columns(3)
for n, fmt in enumerate(writable):
    with cols[n % 3], st.container(border=True):
        st.markdown(f"**{fmt.label}**")
        if fmt.name in IMAGE_FORMATS:
            # Drawn by Graphviz only when clicked: `dot` takes a while, and most visits want no image.
            if not has_dot:
                st.warning(f"{MISSING_DOT}.", icon=":material/error:")
                continue
            data: bytes | Callable[[], bytes] = partial(_image, fmt.name, map_json)
        else:
            exported, problem = _export(fmt.name, map_json)
            if problem or exported is None:
                st.warning(problem or f"{fmt.label} could not be written.", icon=":material/error:")
                continue
            data = exported
        st.download_button(
            f"Download {fmt.suffixes[0]}",
            data=data,
            file_name=file_names[fmt.name],
            mime=fmt.media_type,
            key=f"download_{fmt.name}",
            on_click="ignore",
            width="stretch",
            type="primary" if fmt.name == "html" else "secondary",
        )

st.subheader("Share a link")
token = share.encode(amap)
if share.fits(token):
    base_url = st.context.url or "http://localhost:8501/"
    # The Map page is the default page, served at the app's root: the link goes there.
    url = share.link(base_url.split("?")[0].rsplit("/", 1)[0] + "/", token)
    st.markdown(
        "Anyone who follows this link sees the map **read-only** (they can make their own editable copy). "
        "The map travels inside the link: nothing is uploaded or stored."
    )
    st.code(url, language=None, wrap_lines=True)
    st.caption(f"{len(url):,} characters. Copy it with the button at the top right of the box.")
else:
    html = FORMATS.get("html")
    tail = (
        f"download the **{html.label}** file above and send that instead: it opens in any browser."
        if html
        else "download the JSON file above and send that instead."
    )
    st.info(
        f"This map is too large for a link ({len(token):,} characters packed; a link holds about "
        f"{share.MAX_TOKEN_CHARS:,}). To share it, {tail}",
        icon=":material/attach_file:",
    )
