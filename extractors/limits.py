"""Bounds on what a reader will do with one input, and the zip checks both DOCX and packages need.

A DOCX is a zip, and so is an uploaded package: the same bomb and traversal checks serve both.
Checks read the central directory only; nothing is extracted to disk.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass

from extractors.errors import HostileInput, Reason, UnreadableDocument


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value and value.isdigit() else default


@dataclass(frozen=True)
class ReadLimits:
    """Configurable caps; the defaults fit a 500-page report with room to spare."""

    max_file_bytes: int = 300 * 1024 * 1024
    max_pages: int = 3000
    max_tables: int = 5000
    max_zip_members: int = 5000
    max_zip_total_bytes: int = 1024 * 1024 * 1024
    max_zip_ratio: int = 200
    max_zip_depth: int = 2
    max_seconds: int = 600  # reading one PDF; pages left when it runs out are named in a warning
    worker_memory_bytes: int = 1024 * 1024 * 1024  # address space a PDF page worker may add

    @classmethod
    def from_env(cls) -> ReadLimits:
        """Limits with overrides from EIPCHECK_MAX_FILE_MB, EIPCHECK_MAX_PAGES, EIPCHECK_MAX_SECONDS
        and EIPCHECK_WORKER_MEMORY_MB.
        """
        defaults = cls()
        return cls(
            max_file_bytes=_env_int("EIPCHECK_MAX_FILE_MB", defaults.max_file_bytes // 2**20) * 2**20,
            max_pages=_env_int("EIPCHECK_MAX_PAGES", defaults.max_pages),
            max_seconds=_env_int("EIPCHECK_MAX_SECONDS", defaults.max_seconds),
            worker_memory_bytes=_env_int("EIPCHECK_WORKER_MEMORY_MB", defaults.worker_memory_bytes // 2**20) * 2**20,
        )


def open_zip(data: bytes) -> zipfile.ZipFile:
    """Open a zip from bytes, translating zipfile's errors into an UnreadableDocument."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UnreadableDocument(Reason.CORRUPT, f"压缩文件已损坏（{exc}）") from exc


def check_zip_safety(data: bytes, limits: ReadLimits) -> None:
    """Refuse zips whose members would expand beyond the limits or escape their folder."""
    with open_zip(data) as archive:
        members = archive.infolist()
        if len(members) > limits.max_zip_members:
            raise HostileInput(f"压缩文件包含 {len(members)} 个成员，超过上限 {limits.max_zip_members}")
        total = sum(m.file_size for m in members)
        if total > limits.max_zip_total_bytes:
            raise HostileInput(
                f"压缩文件解压后共 {total // 2**20} MB，超过上限 {limits.max_zip_total_bytes // 2**20} MB"
            )
        for member in members:
            if member.file_size > 1024 * 1024 and member.file_size > limits.max_zip_ratio * max(
                member.compress_size, 1
            ):
                raise HostileInput(f"压缩文件成员 {member.filename} 压缩比异常（疑似压缩炸弹）")


def read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limits: ReadLimits) -> bytes:
    """Read one member, stopping at its declared size so a lying header cannot inflate it."""
    cap = min(member.file_size, limits.max_file_bytes) + 1
    with archive.open(member) as handle:
        data = handle.read(cap)
    if len(data) > member.file_size or len(data) > limits.max_file_bytes:
        raise HostileInput(f"压缩文件成员 {member.filename} 的实际大小与声明不符或超过上限")
    return data
