"""Accepting an upload: every file is written to disk and the submission and job rows committed
before the caller answers 202, then the job is handed to the dispatcher. Shared by the API and
the web upload form.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException, UploadFile
from sqlmodel import Session

from corpus.tables import Submission
from extractors.limits import ReadLimits
from service import store
from service.access import scope_of
from service.auth import audit, forbid
from service.jobs import Dispatcher
from service.settings import Settings
from service.tables import Job, Role, User

_UNSAFE = re.compile(r"[\\/:*?\"<>|\x00-\x1f]")


def safe_name(name: str | None, index: int) -> str:
    """The uploaded file's own name without any path, or a numbered stand-in."""
    base = _UNSAFE.sub("_", (name or "").replace("\\", "/").rsplit("/", 1)[-1]).strip(" .")
    return base[:180] or f"文件{index + 1}"


@dataclass(frozen=True)
class Accepted:
    """What an accepted upload became."""

    submission_id: int
    job: Job
    files: list[str]
    fresh: bool


async def accept_upload(
    session: Session,
    settings: Settings,
    dispatcher: Dispatcher,
    user: User,
    files: list[UploadFile],
    park_id: int | None,
) -> Accepted:
    """Store the files, create the submission and its job, queue the job."""
    if user.role == Role.park:
        park_id = user.park_id
    elif park_id is not None and not any(p.id == park_id for p in store.parks_in_scope(session, scope_of(user))):
        raise forbid("不能为该园区上传材料")
    if not files:
        raise HTTPException(status_code=422, detail="请至少选择一个文件")
    limits = ReadLimits.from_env()
    contents = []
    for upload in files:
        data = await upload.read(limits.max_file_bytes + 1)
        if len(data) > limits.max_file_bytes:
            raise HTTPException(
                status_code=413, detail=f"文件“{upload.filename}”超过 {limits.max_file_bytes // 2**20} MB 上限"
            )
        contents.append((upload.filename, data))
    staged = stage(settings, contents)
    submission, job, fresh = queue_package(session, dispatcher, user, staged, park_id)
    return Accepted(submission.id, job, staged.names, fresh)


@dataclass(frozen=True)
class Staged:
    """Files written to their own folder under the upload directory."""

    folder: Path
    names: list[str]
    hashes: list[str]


def stage(settings: Settings, contents: list[tuple[str | None, bytes]]) -> Staged:
    """Write each file byte-for-byte to a fresh folder (safe names, no paths, no clashes)."""
    folder = settings.upload_dir / uuid.uuid4().hex
    folder.mkdir(parents=True, exist_ok=False)
    names: list[str] = []
    hashes: list[str] = []
    for index, (original, data) in enumerate(contents):
        name = safe_name(original, index)
        while name in names:
            name = f"{index + 1}_{name}"
        (folder / name).write_bytes(data)
        names.append(name)
        hashes.append(hashlib.sha256(data).hexdigest())
    return Staged(folder, names, hashes)


def queue_package(
    session: Session, dispatcher: Dispatcher, user: User, staged: Staged, park_id: int | None
) -> tuple[Submission, Job, bool]:
    """The submission for the staged files and its job, committed, then handed to the dispatcher.
    The same files again give the same submission and, unless its review failed, the same job.
    """
    names = staged.names
    submission = store.create_submission(session, staged.hashes, park_id, source=", ".join(names)[:500])
    if store.visible_submission(session, scope_of(user), submission.id) is None and submission.park_id is not None:
        raise forbid("相同材料已由其他园区提交")
    previous = store.latest_jobs(session, [submission.id]).get(submission.id)
    if previous is not None and previous.status != "failed":
        return submission, previous, False
    job = Job(submission_id=submission.id, upload_dir=str(staged.folder), created_by=user.id)
    session.add(job)
    session.commit()
    session.refresh(job)
    audit(session, user, "upload", "submission", submission.id, "、".join(names))
    dispatcher.submit(job.id)
    session.refresh(job)
    return submission, job, True
