"""Map names: turning a title into a safe file name (``slug``) and refusing unsafe ones (``check_name``).

A map name becomes a file name in the store folder, so it is checked before any path is built from
it: no separators, no ``..``, no hidden or Windows device names, nothing over the byte limit.
"""

from __future__ import annotations

import os
import re
import unicodedata

from argmap.errors import UnsafeName

# Names Windows reserves for devices, with or without an extension ("con.json" opens the console).
_DEVICE_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{p}{n}" for p in ("COM", "LPT") for n in "0123456789¹²³"]
)
MAX_NAME_BYTES = 120  # leaves room for ".json", temp suffixes and the revision folder
SLUG_CHARS = 80


def slug(title: str) -> str:
    """A safe file name for a title: lower case, words joined by ``-``, never empty or a device name.

    Accents are dropped ("Bêtes" → "betes"), other letters kept; everything else (``/``, ``..``,
    ``\\``, NUL, spaces, punctuation) becomes a single ``-``, so the result cannot leave the folder.
    """
    decomposed = unicodedata.normalize("NFKD", title)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    text = re.sub(r"[\W_]+", "-", plain).strip("-")
    text = text[:SLUG_CHARS].rstrip("-")
    while len(text.encode("utf-8")) > MAX_NAME_BYTES:  # many-byte scripts: trim by bytes too
        text = text[:-1].rstrip("-")
    if not text:
        return "untitled"
    if text.split(".")[0].upper() in _DEVICE_NAMES:
        text += "-map"
    return text


def name_key(name: str) -> str:
    """What makes two names the same map: case and Unicode spelling aside ("Bikes" is "bikes")."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def check_name(name: str) -> str:
    """Return ``name`` (without a trailing ``.json``) if it is a safe map name, else raise ``UnsafeName``."""
    if not isinstance(name, str) or not name:
        raise UnsafeName("a map name cannot be empty")
    if name.endswith(".json") and len(name) > len(".json"):
        name = name[: -len(".json")]
    shown = repr(name)
    if any("\ud800" <= c <= "\udfff" for c in name):  # a file name that is not UTF-8 (surrogateescape)
        raise UnsafeName(f"map name {shown} is not UTF-8 text; rename the file in the store folder")
    # One spelling per name: "Café" typed as e + combining accent is the same map as "Café".
    name = unicodedata.normalize("NFC", name)
    shown = repr(name)
    if "\x00" in name:
        raise UnsafeName(f"map name {shown} contains a NUL character")
    if "/" in name or "\\" in name:
        raise UnsafeName(f"map name {shown} contains a path separator")
    if name in {".", ".."} or ".." in name.split("."):
        raise UnsafeName(f"map name {shown} would leave the store folder")
    if os.path.isabs(name) or re.match(r"^[A-Za-z]:", name) or ":" in name:
        raise UnsafeName(f"map name {shown} looks like an absolute path or a drive")
    if name.startswith("."):
        raise UnsafeName(f"map name {shown} starts with '.' (hidden names are reserved for the store)")
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise UnsafeName(f"map name {shown} contains a control character")
    if any(unicodedata.category(c) == "Cf" for c in name):  # bidi overrides, zero-width characters
        raise UnsafeName(
            f"map name {shown} contains an invisible formatting character (a direction mark or a zero-width "
            "character), which would make it look like another name"
        )
    reserved = sorted(set(name) & set('<>"|?*'))
    if reserved:
        raise UnsafeName(f"map name {shown} contains {' '.join(reserved)}, reserved in file names on Windows")
    if name != name.strip() or name.endswith("."):
        raise UnsafeName(f"map name {shown} starts or ends with a space, or ends with a dot")
    if name.split(".")[0].upper() in _DEVICE_NAMES:
        raise UnsafeName(f"map name {shown} is a reserved device name on Windows")
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise UnsafeName(f"map name {name[:20]!r}... is longer than {MAX_NAME_BYTES} bytes")
    return name
