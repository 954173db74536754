"""The two forms (附件2 创建备案表, 附件4 验收申请表) read into their fields by label.

The document is flattened into rows (a table row's distinct cells, or one paragraph), so a form
filled in Word, exported to PDF, or retyped as paragraphs is read the same way. Labels and
limits are data (`data/forms.toml`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from extractors.headings import strip_numbering
from extractors.model import Block, DocumentKind, FormField, Table
from extractors.outline import DATA_DIR
from extractors.text import compact

_HINT = re.compile(r"^[（(][^（）()]*(?:不超过|重点介绍|字)[^（）()]*[）)]")
_LABEL_NOISE = re.compile(r"[:：\s_＿]|[（(][^）)]*[）)]$")


class FieldSpec(BaseModel):
    """One labelled field of a form."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    label: str
    layout: Literal["right", "inline", "below", "line"] = "right"
    limit: int | None = None
    title: str | None = None
    required: bool = True
    format: str | None = None
    options: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        """How the form prints the field's heading (with its part number when it has one)."""
        return self.title or self.label


class FormSpec(BaseModel):
    """A form of the annexes: which kind it is, its article, and its fields."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: DocumentKind
    name: str
    basis: str
    fields: tuple[FieldSpec, ...]
    formats: dict[str, str] = {}

    @model_validator(mode="after")
    def _formats_exist(self) -> FormSpec:
        for field_spec in self.fields:
            if field_spec.format and field_spec.format not in self.formats:
                raise ValueError(f"forms.toml: {field_spec.id}: unknown format {field_spec.format!r}")
        for name, pattern in self.formats.items():
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"forms.toml [formats] {name}: {exc}") from exc
        return self

    def field(self, field_id: str) -> FieldSpec:
        """The field spec with this id."""
        return next(f for f in self.fields if f.id == field_id)


@lru_cache(maxsize=1)
def load_forms() -> tuple[FormSpec, ...]:
    """The form specs from data/forms.toml, validated."""
    with open(DATA_DIR / "forms.toml", "rb") as handle:
        data = tomllib.load(handle)
    return tuple(FormSpec.model_validate({**f, "formats": data["formats"]}) for f in data["forms"])


def form_for(kind: DocumentKind) -> FormSpec | None:
    """The form spec for a document kind, if that kind is a form."""
    return next((f for f in load_forms() if f.kind == kind), None)


@dataclass(frozen=True)
class _Row:
    cells: tuple[str, ...]
    page: int | None


def _rows(blocks: Sequence[Block]) -> list[_Row]:
    rows: list[_Row] = []
    for block in blocks:
        if isinstance(block, Table):
            rows.extend(
                _Row(tuple(c.text for c in row), block.page_of_row(r)) for r, row in enumerate(block.rows()) if row
            )
        else:
            rows.append(_Row((block.text,), block.page))
    return rows


def _norm(text: str) -> str:
    return _LABEL_NOISE.sub("", compact(strip_numbering(compact(text))))


def _split_label(cell: str, spec: FieldSpec) -> str | None:
    """If the cell starts with the field's label, the rest of it (maybe empty); else None."""
    norm = compact(strip_numbering(compact(cell)))
    label = spec.label
    if spec.layout == "line":
        match = re.match(rf"^{re.escape(label)}\s*[:：]", norm)
        return norm[match.end() :].strip("_＿ ") if match else None
    if _norm(cell) == label:
        return ""
    if spec.layout in ("inline", "below") and norm.startswith(label):
        return _after(strip_numbering(cell), label)
    return None


def _after(cell: str, label: str) -> str:
    """The text of a cell after its label, matching the label over the spaces people type into it."""
    position = 0
    for char in label:
        while position < len(cell) and cell[position].isspace():
            position += 1
        if position >= len(cell) or compact(cell[position]) != char:
            return ""
        position += 1
    return cell[position:].strip()


def parse_form(blocks: Sequence[Block], spec: FormSpec) -> tuple[FormField, ...]:
    """Every field of the spec found in the document, with its value and page."""
    rows = _rows(blocks)
    labels = {f.label for f in spec.fields if f.layout != "line"}
    found: dict[str, FormField] = {}
    for r, row in enumerate(rows):
        for k, cell in enumerate(row.cells):
            for field_spec in spec.fields:
                if field_spec.id in found:
                    continue
                rest = _split_label(cell, field_spec)
                if rest is None:
                    continue
                value = _value(rows, r, k, rest, field_spec, labels)
                page = rows[r + 1].page if field_spec.layout == "below" and not rest and r + 1 < len(rows) else row.page
                found[field_spec.id] = FormField(field_spec.id, field_spec.display, value, page)
                break
    return tuple(found[f.id] for f in spec.fields if f.id in found)


def _value(rows: list[_Row], r: int, k: int, rest: str, spec: FieldSpec, labels: set[str]) -> str:
    row = rows[r]
    if spec.layout == "right":
        if k + 1 < len(row.cells) and _norm(row.cells[k + 1]) not in labels:
            return row.cells[k + 1].strip()
        return ""
    if spec.layout in ("inline", "line"):
        return rest.strip()
    parts = [_HINT.sub("", rest).strip()] if rest.strip() else []
    for following in rows[r + 1 :]:
        first = following.cells[0]
        if _norm(first) in labels or _is_form_part_title(first):
            break
        parts.extend(_HINT.sub("", c).strip() for c in following.cells)
    return "\n".join(p for p in parts if p)


def _is_form_part_title(text: str) -> bool:
    """“六、省级商务部门意见”: the next numbered part of the form ends a free-text field."""
    stripped = compact(text)
    return bool(re.match(r"^[一二三四五六七八九十]+、", stripped)) and len(stripped) <= 20
