"""Turn the PATHs of one review call (files, folders, zips) into named inputs, safely.

Zips are read in memory: a member with `../` or an absolute path is refused, never extracted,
and nested zips are opened to a bounded depth. A problem with one input becomes that input's
error; it never stops the others.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extractors.errors import HostileInput, Reason, UnreadableDocument
from extractors.limits import ReadLimits, check_zip_safety, open_zip, read_member

_SKIPPED_NAMES = ("__MACOSX/", ".DS_Store", "Thumbs.db", "~$")


@dataclass(frozen=True)
class InputFile:
    """One file of the package: its display name and bytes, or why it could not be taken."""

    name: str
    data: bytes | None
    error: UnreadableDocument | None = None


@dataclass(frozen=True)
class UsageProblem:
    """A PATH that is not there at all: bad usage, reported and exited on by the service."""

    path: str
    message: str


def missing_paths(paths: list[Path]) -> list[UsageProblem]:
    """The paths that do not exist, each with a message a user can act on."""
    return [UsageProblem(str(p), f"找不到文件或目录：{p}") for p in paths if not p.exists()]


def expand(paths: list[Path], limits: ReadLimits) -> Iterator[InputFile]:
    """Yield every document of the package in a stable order (folders sorted by name)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if not _skipped(child.name):
                    yield from _file(child, child.relative_to(path).as_posix(), limits, depth=0)
        elif path.is_file():
            yield from _file(path, path.name, limits, depth=0)


def expand_bytes(name: str, data: bytes, limits: ReadLimits) -> Iterator[InputFile]:
    """The documents of one uploaded file (a zip is opened; anything else is one document)."""
    if len(data) > limits.max_file_bytes:
        yield InputFile(name, None, HostileInput(f"文件大小超过上限 {limits.max_file_bytes // 2**20} MB"))
        return
    yield from _bytes(name, data, limits, depth=0)


def _skipped(name: str) -> bool:
    base = posixpath.basename(name)
    return any(name.startswith(s) or base.startswith(s) for s in _SKIPPED_NAMES) or base.startswith(".")


def _file(path: Path, name: str, limits: ReadLimits, depth: int) -> Iterator[InputFile]:
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        yield InputFile(
            name, None, HostileInput(f"文件大小 {size // 2**20} MB 超过上限 {limits.max_file_bytes // 2**20} MB")
        )
        return
    yield from _bytes(name, path.read_bytes(), limits, depth)


def _is_package_zip(name: str, data: bytes) -> bool:
    # A DOCX is a zip too; only a zip that is not an OOXML document is a package of files.
    return data[:4] == b"PK\x03\x04" and name.lower().endswith(".zip")


def _bytes(name: str, data: bytes, limits: ReadLimits, depth: int) -> Iterator[InputFile]:
    if name.lower().endswith(".zip") and not _is_package_zip(name, data):
        yield InputFile(name, None, _not_a_zip(data))
        return
    if not _is_package_zip(name, data):
        yield InputFile(name, data)
        return
    if depth >= limits.max_zip_depth:
        yield InputFile(name, None, HostileInput(f"压缩包嵌套超过 {limits.max_zip_depth} 层，未展开"))
        return
    try:
        check_zip_safety(data, limits)
        archive = open_zip(data)
    except UnreadableDocument as error:
        yield InputFile(name, None, error)
        return
    taken = 0
    with archive:
        for member in sorted(archive.infolist(), key=lambda m: m.filename):
            if member.is_dir() or _skipped(member.filename):
                continue
            taken += 1
            member_name = _decode_name(member)
            inner = f"{name}/{member_name}"
            if _escapes(member_name):
                yield InputFile(inner, None, HostileInput(f"压缩包成员路径不安全（{member_name}），已拒绝"))
                continue
            try:
                payload = read_member(archive, member, limits)
            except UnreadableDocument as error:
                yield InputFile(inner, None, error)
                continue
            except Exception as exc:  # CRC errors, unsupported compression, truncated members
                yield InputFile(inner, None, UnreadableDocument(Reason.CORRUPT, f"压缩包成员无法读取（{exc}）"))
                continue
            yield from _bytes(inner, payload, limits, depth + 1)
    if not taken:  # an archive of folders only must not vanish from the package without a word
        yield InputFile(
            name, None, UnreadableDocument(Reason.EMPTY, "压缩包中没有可审查的文件（只有文件夹或系统文件）")
        )


def _not_a_zip(data: bytes) -> UnreadableDocument:
    """Why a .zip that does not open like one cannot be unpacked. Without this it would reach the
    document reader and be called an “unsupported file type (.zip)”.
    """
    if not data:
        return UnreadableDocument(Reason.EMPTY, "文件为空（0 字节）")
    if data[:4] == b"PK\x05\x06":  # end-of-archive record first: a valid zip with no members
        return UnreadableDocument(Reason.EMPTY, "压缩包中没有文件")
    return UnreadableDocument(Reason.CORRUPT, "压缩文件已损坏（不是有效的 zip 格式）")


def _decode_name(member) -> str:
    """Chinese zips made on Windows store GBK names without the UTF-8 flag; recover them."""
    if member.flag_bits & 0x800:
        return member.filename
    try:
        return member.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return member.filename


def _escapes(name: str) -> bool:
    normalised = posixpath.normpath(name.replace("\\", "/"))
    return (
        name.startswith(("/", "\\"))
        or (len(name) > 1 and name[1] == ":")
        or normalised.startswith("..")
        or "/../" in f"/{name.replace(chr(92), '/')}/"
    )
