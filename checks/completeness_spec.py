"""What the completeness checks share: the requirements of data/completeness.toml as validated
models, where in a document an item belongs, and the finding they all build. Checks only.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, field_validator

from checks.model import Check, CheckContext, Evidence, Finding, Submission
from checks.text import Sentence, sentences
from extractors.model import Document, DocumentKind, Table

_WHITESPACE = re.compile(r"\s+")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _pattern(value: str) -> str:
    re.compile(value)  # a bad pattern fails at load, naming the key
    return value


class Column(_Model):
    """A column a table must have: its role (table_roles.toml) and what 附件1 calls it."""

    role: str
    label: str


class RequiredTable(_Model):
    """A table an annex asks a document to contain, and the columns it must have."""

    name: str
    document: DocumentKind
    kind: str
    section: str
    basis: str
    columns: tuple[Column, ...]


class RequiredMap(_Model):
    """A map an annex asks for, referenced by one of `words`."""

    name: str
    document: DocumentKind
    section: str
    basis: str
    words: tuple[str, ...]


class DataSource(_Model):
    """附件1 备注: the plan says where its data and maps come from."""

    document: DocumentKind
    section: str
    evidence_section: str
    basis: str
    statement: str

    _check = field_validator("statement")(_pattern)


class Aspect(_Model):
    """One thing 附件3 三 asks to be stated for each indicator."""

    key: str
    label: str
    role: str
    pattern: str

    _check = field_validator("pattern")(_pattern)


class IndicatorMethod(_Model):
    """附件3 三: each indicator's data-collection method, data source and calculation."""

    document: DocumentKind
    section: str
    basis: str
    aspects: tuple[Aspect, ...]


Placed = TypeVar("Placed", RequiredTable, RequiredMap, DataSource, IndicatorMethod)


class Requirements(_Model):
    """The whole data file."""

    tables: tuple[RequiredTable, ...]
    maps: tuple[RequiredMap, ...]
    data_source: DataSource
    indicator_method: IndicatorMethod


@lru_cache(maxsize=1)
def requirements() -> Requirements:
    """data/completeness.toml, validated once."""
    with open(Path(__file__).parent / "data" / "completeness.toml", "rb") as handle:
        return Requirements.model_validate(tomllib.load(handle))


def plain(text: str) -> str:
    """Text without white space (PDF lines and cells put spaces where the document has none)."""
    return _WHITESPACE.sub("", text)


def documents(submission: Submission, kind: DocumentKind) -> Iterator[Document]:
    """The readable documents of a kind."""
    return (d for d in submission.of_kind(kind) if d.raw is not None)


def has_section(document: Document, section: str) -> bool:
    """Whether a section of the document maps to this outline entry or one below it."""
    return any(s.outline == section or (s.outline or "").startswith(section + ".") for s in document.sections)


def where_expected(submission: Submission, items: tuple[Placed, ...]) -> Iterator[tuple[Placed, Document]]:
    """Each (item, document) pair where the document has the section the item belongs in."""
    for item in items:
        for document in documents(submission, item.document):
            if has_section(document, item.section):
                yield item, document


def section_evidence(document: Document, section: str) -> tuple[Evidence, ...]:
    """The heading of the section where a missing item belongs, as evidence."""
    found = next((s for s in document.sections if s.outline == section), None)
    return (Evidence(document.file, found.page, found.title),) if found else ()


def label(document: Document, context: CheckContext) -> str:
    """What the annex outline calls the document (实施方案, 验收报告)."""
    outline = context.outline(document.outline_id) if document.outline_id else None
    return outline.document_label if outline else "该文件"


def texts(document: Document) -> Iterator[Sentence]:
    """Every sentence of running text, then every table as one text, each with its page."""
    yield from sentences(document, rejoin=True)
    for block in document.raw.blocks if document.raw else ():
        if isinstance(block, Table):
            yield Sentence(block.text, block.page)


def finding(
    check: Check, document: Document, subject: str, message: str, basis: str, evidence: tuple[Evidence, ...]
) -> Finding:
    """A finding of a completeness check on one document."""
    return Finding(
        rule=check.id,
        severity=check.severity,
        document=document.file,
        subject=subject,
        message=message,
        basis=basis,
        evidence=evidence,
    )
