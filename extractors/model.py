"""The neutral document model every reader produces and every later stage consumes.

Readers (pdf_reader, docx_reader) turn bytes into a `RawDocument` of `TextBlock`s and `Table`s
in reading order; segmentation adds `Section`s, outline mapping adds outline ids, the classifier
adds a kind. Nothing here knows about checks or storage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from extractors.facts.model import Facts


class DocumentKind(StrEnum):
    """The document kinds of the review contract (`documents[].kind`)."""

    IMPLEMENTATION_PLAN = "implementation_plan"
    ACCEPTANCE_REPORT = "acceptance_report"
    APPLICATION_LETTER = "application_letter"
    ACCEPTANCE_LETTER = "acceptance_letter"
    COMPLIANCE_CERTIFICATE = "compliance_certificate"
    PLAN_EIA_PROOF = "plan_eia_proof"
    FILING_FORM = "filing_form"
    ACCEPTANCE_FORM = "acceptance_form"
    ANNUAL_REPORT = "annual_report"
    CHANGE_REPORT = "change_report"
    DATA_SUPPORT = "data_support"
    OTHER = "other"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class TextBlock:
    """A paragraph (DOCX) or a reconstructed paragraph of PDF lines, in reading order.

    `text` already carries any Word automatic number (`number_label`), as the reader sees it.
    """

    text: str
    page: int | None = None
    style: str | None = None
    outline_level: int | None = None
    number_label: str | None = None
    bold: bool = False
    size: float | None = None
    in_toc: bool = False
    lines: int = 1


@dataclass(frozen=True)
class TableCell:
    """One cell of a table grid; a merged cell is one object covering several grid slots."""

    text: str
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1


@dataclass(frozen=True)
class Table:
    """A table in reading order, stitched across page breaks by the PDF reader."""

    cells: tuple[TableCell, ...]
    n_rows: int
    n_cols: int
    page: int | None = None
    end_page: int | None = None
    row_pages: tuple[int, ...] = ()  # the page of each row, for tables stitched across pages

    def page_of_row(self, row: int) -> int | None:
        """The page a row is printed on (the table's first page when rows were not tracked)."""
        return self.row_pages[row] if row < len(self.row_pages) else self.page

    def grid(self) -> list[list[TableCell | None]]:
        """Every grid slot mapped to the (possibly merged) cell covering it."""
        slots: list[list[TableCell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for cell in self.cells:
            for r in range(cell.row, min(cell.row + cell.row_span, self.n_rows)):
                for c in range(cell.col, min(cell.col + cell.col_span, self.n_cols)):
                    slots[r][c] = cell
        return slots

    def rows(self) -> list[list[TableCell]]:
        """Each row's distinct cells left to right; a vertically merged cell appears in each row it spans."""
        result: list[list[TableCell]] = []
        for slot_row in self.grid():
            distinct: list[TableCell] = []
            for cell in slot_row:
                if cell is not None and (not distinct or distinct[-1] is not cell):
                    distinct.append(cell)
            result.append(distinct)
        return result

    def text_rows(self) -> list[list[str]]:
        """The grid as text, merged cells repeated in every slot they cover (what a reader sees)."""
        return [[cell.text if cell else "" for cell in row] for row in self.grid()]

    @property
    def text(self) -> str:
        """All cell text, row by row, for counting and searching."""
        return "\n".join("\t".join(cell.text for cell in row) for row in self.rows())


Block = TextBlock | Table


@dataclass(frozen=True)
class RawDocument:
    """What a reader returns: blocks in reading order plus file-level facts."""

    file: str
    sha256: str
    format: str
    pages: int | None
    blocks: tuple[Block, ...]
    pages_without_text: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Heading:
    """A block recognised as a heading, with the level its numbering family gives it."""

    block_index: int
    title: str
    level: int
    family: str
    page: int | None


@dataclass(frozen=True)
class Section:
    """A heading and the content up to the next heading of the same or a higher level."""

    title: str
    level: int
    page: int | None
    chars: int
    family: str
    start_block: int
    end_block: int
    outline: str | None = None
    outline_score: float | None = None


@dataclass(frozen=True)
class FormField:
    """A filled field of 附件2 / 附件4, found by its label cell."""

    id: str
    label: str
    value: str
    page: int | None


@dataclass(frozen=True)
class KindDecision:
    """Which kind a document is, and the signals that decided it (shown to reviewers)."""

    kind: DocumentKind
    score: float
    signals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """A parsed document: the raw reading plus structure. `error` is set only for unreadable files."""

    file: str
    sha256: str
    kind: DocumentKind
    pages: int | None = None
    chars: int = 0
    raw: RawDocument | None = None
    sections: tuple[Section, ...] = ()
    outline_id: str | None = None
    form_fields: tuple[FormField, ...] = ()
    kind_signals: tuple[str, ...] = ()
    error: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    facts: Facts = field(default_factory=Facts)

    @property
    def readable(self) -> bool:
        """Whether the reader produced content (unreadable files carry only their error)."""
        return self.raw is not None

    def field_value(self, field_id: str) -> FormField | None:
        """The form field with this id, if the form has it."""
        return next((f for f in self.form_fields if f.id == field_id), None)
