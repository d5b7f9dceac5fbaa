"""Office files (Word's .docx, OpenDocument's .odt) are zip packages: look inside one before a library
unpacks it, so a damaged or crafted file is refused in a sentence instead of a library's traceback, and a
small file that unpacks to gigabytes (a zip bomb) is refused before anything is unpacked."""

from __future__ import annotations

import io
import zipfile

from argmap.errors import InputError

MAX_UNPACKED_BYTES = 200_000_000  # what a package may unpack to: a long report with pictures fits


def check_package(data: bytes, name: str, kind: str, member: str) -> None:
    """Refuse ``data`` unless it is a readable zip holding ``member`` (``word/document.xml``,
    ``content.xml``) within ``MAX_UNPACKED_BYTES``; ``kind`` names the format in the message."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
            names = {i.filename for i in infos}
            encrypted = any(i.flag_bits & 0x1 for i in infos)
    except (zipfile.BadZipFile, EOFError, ValueError, OSError):
        raise InputError(f"{name}: not a readable {kind} (the file is damaged or is not one)") from None
    except NotImplementedError as err:  # a part needs a newer zip than Python reads ("zip file version 8.4")
        raise InputError(f"{name}: not a readable {kind} (its package needs {err})") from None
    if "EncryptionInfo" in names or encrypted:
        raise InputError(f"{name}: the {kind} is password-protected; save a copy without a password")
    if member not in names:
        raise InputError(f"{name}: not a readable {kind} (it has no {member})")
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError(
            f"{name}: the {kind} unpacks to {unpacked:,} bytes; the limit is {MAX_UNPACKED_BYTES:,}"
        )
