"""Shared fixtures: the issue-2 sample package written once per session, as DOCX and as PDF made
by LibreOffice (one conversion call for all files, ~2 s)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from corpus.samples.fixtures import write_package


@dataclass(frozen=True)
class SamplePackage:
    """The fixture package on disk."""

    folder: Path
    docx: dict[str, Path]
    pdf: dict[str, Path]


@pytest.fixture(scope="session")
def sample_package(tmp_path_factory: pytest.TempPathFactory) -> SamplePackage:
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.fail("LibreOffice is required (the README test command installs it)")
    folder = tmp_path_factory.mktemp("package")
    written = write_package(folder)
    return SamplePackage(
        folder=folder,
        docx={p.stem: p for p in written["docx"]},
        pdf={p.stem: p for p in written["pdf"]},
    )


from corpus_backends import corpus, postgres_url  # noqa: E402, F401  (the corpus tests' two backends)
from service_support import service  # noqa: E402, F401  (the service tests' app and users)
