"""Service configuration from the environment, read once into a typed object that `create_app`
takes, so every test can build an app on its own temporary database and data directory.

Names: EIPCHECK_DATABASE_URL and EIPCHECK_DATA_DIR (shared with the corpus), EIPCHECK_WORKER
(`thread`, the default in-process worker; `celery` for Celery on Redis; `inline` runs a job inside
the request, for tests and tools), EIPCHECK_REDIS_URL.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from corpus.db import SQLITE_NAME

WORKERS = ("thread", "celery", "inline")


@dataclass(frozen=True)
class Settings:
    """Where the service keeps its data and how it runs jobs."""

    data_dir: Path
    database_url: str
    worker: str = "thread"
    redis_url: str = "redis://127.0.0.1:6379/0"
    session_hours: int = 12

    def __post_init__(self) -> None:
        if self.worker not in WORKERS:
            raise ValueError(f"EIPCHECK_WORKER 应为 {', '.join(WORKERS)} 之一，而不是 {self.worker!r}")

    @property
    def upload_dir(self) -> Path:
        """Uploaded files, kept byte-for-byte before the upload is acknowledged."""
        return self.data_dir / "uploads"

    def secret_key(self) -> bytes:
        """The app's signing key (CSRF tokens), made once at first start and kept in the data
        directory, so tokens in open pages stay valid across restarts and every process agrees.
        """
        path = self.data_dir / "secret_key"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            draft = path.with_name(f"secret_key.{os.getpid()}.tmp")
            fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_hex(32))
            try:
                os.link(draft, path)  # atomic: two processes starting at once keep the first key
            except FileExistsError:
                pass
            finally:
                draft.unlink()
        return path.read_text().strip().encode()

    @classmethod
    def from_env(cls) -> Settings:
        """Settings from the environment; the database defaults to a SQLite file in the data directory."""
        data_dir = Path(os.environ.get("EIPCHECK_DATA_DIR", "data")).resolve()
        url = os.environ.get("EIPCHECK_DATABASE_URL") or f"sqlite:///{data_dir / SQLITE_NAME}"
        return cls(
            data_dir=data_dir,
            database_url=url,
            worker=os.environ.get("EIPCHECK_WORKER", "thread"),
            redis_url=os.environ.get("EIPCHECK_REDIS_URL", "redis://127.0.0.1:6379/0"),
        )
