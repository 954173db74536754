"""Review jobs: parsing and checking run outside the request.

An upload is written to disk and its job row committed before the API answers 202; a dispatcher
then runs `run_job` — in a thread of the server process by default, on a Celery worker through
Redis when EIPCHECK_WORKER=celery, or at once (`inline`) for tools. A job that raises marks its
submission failed with the reason; `retry` queues it again. Jobs found queued or running when the
in-process worker starts (the server died mid-review) are run again, so no upload is lost.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from functools import partial
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select

from corpus.matches import package_matches
from extractors.limits import ReadLimits
from extractors.package import expand
from service import store
from service.review import review_inputs
from service.settings import Settings
from service.tables import Job, JobStatus, utcnow

log = logging.getLogger("eipcheck.jobs")
TASK_NAME = "eipcheck.review"


def run_job(engine: Engine, data_dir: Path, job_id: int) -> JobStatus:
    """Review the job's stored files and keep the result; any failure is recorded, never raised."""
    with Session(engine) as session:
        job = session.get(Job, job_id)
        if job is None or job.status == JobStatus.done:
            return job.status if job else JobStatus.failed
        job.status, job.started_at, job.error = JobStatus.running, utcnow(), None
        job.attempts += 1
        session.add(job)
        session.commit()
        upload_dir, submission_id = Path(job.upload_dir), job.submission_id
        today = date.fromisoformat(job.today) if job.today else date.today()
    try:
        limits = ReadLimits.from_env()
        files = sorted(p for p in upload_dir.iterdir() if p.is_file())
        if not files:
            raise FileNotFoundError(f"上传目录中没有文件：{upload_dir}")
        inputs = list(expand(files, limits))
        with Session(engine) as session:
            matches = partial(package_matches, session)
            result = review_inputs(inputs, today=today, limits=limits, against=matches)
            data = {item.name: item.data for item in inputs if item.data is not None}
            store.save_review(session, data_dir, submission_id, job_id, result, data)
            _finish(session, job_id, JobStatus.done, None)
        return JobStatus.done
    except Exception as exc:  # a crashed review marks the submission failed, with the reason
        log.exception("审查任务 %s 失败", job_id)
        reason = f"审查失败：{type(exc).__name__}: {exc}"[:2000]
        with Session(engine) as session:
            _finish(session, job_id, JobStatus.failed, reason)
        return JobStatus.failed


def _finish(session: Session, job_id: int, status: JobStatus, error: str | None) -> None:
    job = session.get(Job, job_id)
    assert job is not None
    job.status, job.error, job.finished_at = status, error, utcnow()
    session.add(job)
    session.commit()


class Dispatcher:
    """Runs jobs at once, in the calling thread (`inline`)."""

    def __init__(self, engine: Engine, settings: Settings) -> None:
        self.engine, self.settings = engine, settings

    def submit(self, job_id: int) -> None:
        """Run the job now."""
        run_job(self.engine, self.settings.data_dir, job_id)

    def start(self) -> None:
        """Nothing to start."""

    def stop(self) -> None:
        """Nothing to stop."""


class ThreadDispatcher(Dispatcher):
    """One background thread in the server process: nothing to install, one review at a time."""

    def __init__(self, engine: Engine, settings: Settings) -> None:
        super().__init__(engine, settings)
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    def submit(self, job_id: int) -> None:
        """Queue the job on the worker thread."""
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="eipcheck-job")
            self._pool.submit(run_job, self.engine, self.settings.data_dir, job_id)

    def start(self) -> None:
        """Run again what a previous process left queued or running."""
        with Session(self.engine) as session:
            pending = session.exec(select(Job.id).where(Job.status.in_([JobStatus.queued, JobStatus.running]))).all()
        for job_id in pending:
            self.submit(job_id)

    def stop(self) -> None:
        """Let the running review finish, drop nothing that is stored."""
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None


class CeleryDispatcher(Dispatcher):
    """Send the job id to a Celery worker through Redis (`service/celery_app.py` runs it there)."""

    def __init__(self, engine: Engine, settings: Settings) -> None:
        super().__init__(engine, settings)
        from celery import Celery

        self._client = Celery("eipcheck", broker=settings.redis_url, backend=settings.redis_url)

    def submit(self, job_id: int) -> None:
        """Queue the job on the broker; the row is already committed, so a lost message is recoverable."""
        self._client.send_task(TASK_NAME, args=[job_id])

    def stop(self) -> None:
        """Close the broker connections."""
        self._client.close()


DISPATCHERS: dict[str, Callable[[Engine, Settings], Dispatcher]] = {
    "inline": Dispatcher,
    "thread": ThreadDispatcher,
    "celery": CeleryDispatcher,
}


def dispatcher_for(engine: Engine, settings: Settings) -> Dispatcher:
    """The dispatcher the settings name."""
    return DISPATCHERS[settings.worker](engine, settings)
