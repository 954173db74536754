"""The content-addressed store of original files: each file kept byte for byte under its sha256
(`blobs/ab/cd/<sha256>` in the data directory), written once and never overwritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path


def blob_path(sha256: str) -> str:
    """Where a file with this hash lives, relative to the data directory."""
    return f"blobs/{sha256[:2]}/{sha256[2:4]}/{sha256}"


def store_blob(data_dir: Path, data: bytes, sha256: str | None = None) -> str:
    """Keep `data` under its hash (atomically: written to a temporary file, then linked into place
    only if absent, so a concurrent or repeated store never replaces existing bytes).
    """
    digest = hashlib.sha256(data).hexdigest()
    if sha256 is not None and sha256 != digest:
        raise ValueError(f"sha256 mismatch: expected {sha256}, content is {digest}")
    relative = blob_path(digest)
    target = data_dir / relative
    if target.exists():
        return relative
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(FileExistsError):  # present already: never overwrite
            os.link(temporary, target)
        os.chmod(target, 0o444)
    finally:
        os.unlink(temporary)
    return relative


def read_blob(data_dir: Path, sha256: str) -> bytes:
    """The stored original, verified against its hash."""
    data = (data_dir / blob_path(sha256)).read_bytes()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise OSError(f"stored file {sha256} is damaged")
    return data
