"""The Celery application for EIPCHECK_WORKER=celery: the same `run_job` as the in-process
worker, on a worker started with `celery -A service.celery_app worker`. Broker and result backend
are Redis (EIPCHECK_REDIS_URL); the database is the one EIPCHECK_DATABASE_URL names.
"""

from __future__ import annotations

from functools import cache

from celery import Celery
from sqlalchemy import Engine

from service.db import engine_for
from service.jobs import TASK_NAME, run_job
from service.settings import Settings

_settings = Settings.from_env()
app = Celery("eipcheck", broker=_settings.redis_url, backend=_settings.redis_url)
app.conf.update(task_acks_late=True, task_reject_on_worker_lost=True, worker_prefetch_multiplier=1)


@cache
def _engine() -> Engine:
    return engine_for(Settings.from_env())


@app.task(name=TASK_NAME)
def review_job(job_id: int) -> str:
    """Run one review job; its outcome is recorded in the database, the status is returned."""
    return run_job(_engine(), Settings.from_env().data_dir, job_id).value
