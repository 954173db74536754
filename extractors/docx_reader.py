"""DOCX → RawDocument with python-docx: paragraphs with styles, outline levels and Word numbering,
tables on their true grid (gridSpan and vMerge), text boxes, and content inside w:sdt (a Word TOC).

The body is walked at the XML level because python-docx's `iter_inner_content` skips w:sdt
blocks, where Word keeps its table of contents. It must not classify or segment anything.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

import docx
from docx.exceptions import InvalidXmlError
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from extractors.docx_numbering import NumberingResolver, join_label
from extractors.errors import Reason, UnreadableDocument
from extractors.limits import ReadLimits, check_zip_safety
from extractors.model import RawDocument, Table, TableCell, TextBlock

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_TOC_STYLE = re.compile(r"^(?:toc|目录)\s*\d*$", re.IGNORECASE)
_CONTAINERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:ins"), qn("w:smartTag")}
# python-docx's namespace map has no `mc` prefix, so qn("mc:Fallback") raises KeyError; spell it out.
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# What python-docx raises reading a formatting attribute whose value is not in the schema.
_BAD_VALUE = (InvalidXmlError, ValueError, TypeError)


def read_docx(data: bytes, file: str, sha256: str, limits: ReadLimits) -> RawDocument:
    """Parse a DOCX file's bytes; raise UnreadableDocument for anything that is not a sound DOCX."""
    check_zip_safety(data, limits)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "word/document.xml" not in names:
                raise UnreadableDocument(Reason.UNSUPPORTED, "压缩包中没有 word/document.xml，不是 Word 文档")
            if _is_strict(archive, names):
                raise UnreadableDocument(
                    Reason.UNSUPPORTED,
                    "Word 文档为“Strict Open XML”格式，暂不支持，请在 Word 中另存为“Word 文档 (*.docx)”或 PDF",
                )
        document = docx.Document(io.BytesIO(data))
        _ = document.styles  # a damaged [Content_Types].xml leaves the styles part untyped: fail here
    except UnreadableDocument:
        raise
    except Exception as exc:  # python-docx and lxml raise many types for broken packages
        raise UnreadableDocument(Reason.CORRUPT, f"Word 文档已损坏，无法解析（{type(exc).__name__}）") from exc
    walker = _BodyWalker(document, limits)
    blocks = tuple(walker.walk(document.element.body))
    return RawDocument(
        file=file,
        sha256=sha256,
        format="docx",
        pages=None,
        blocks=blocks,
        warnings=tuple(walker.warnings),
    )


class _BodyWalker:
    """Walks body elements in order, keeping the numbering counters and the TOC field state."""

    def __init__(self, document, limits: ReadLimits) -> None:
        self._document = document
        self._limits = limits
        self._styles = {s.style_id: s for s in document.styles} if document.styles else {}
        self._fields: list[str] = []  # instructions of the Word fields open at this point
        self._tables = 0
        self.warnings: list[str] = []
        try:
            self._numbering = NumberingResolver(_numbering_element(document), document.styles.element)
        except (ValueError, TypeError):
            # A numbering part with non-numeric ilvl/start values (hand-made or broken generators):
            # the text is still worth reading, only without Word's automatic numbers.
            self._numbering = NumberingResolver(None, document.styles.element)
            self.warnings.append("Word 自动编号定义无法解析，标题编号未读取")

    def walk(self, parent) -> Iterator[TextBlock | Table]:
        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                yield from self._paragraph(child)
            elif child.tag == qn("w:tbl"):
                self._tables += 1
                if self._tables > self._limits.max_tables:
                    if self._tables == self._limits.max_tables + 1:
                        self.warnings.append(f"表格超过 {self._limits.max_tables} 个，其余表格未读取")
                    continue
                yield self._table(child)
            elif child.tag in _CONTAINERS:
                yield from self.walk(child)

    def _paragraph(self, element) -> Iterator[TextBlock]:
        paragraph = Paragraph(element, self._document.part)
        in_toc_field = self._paragraph_in_toc(element)
        text = paragraph.text
        label = self._numbering.label(element)
        style = self._style_name(paragraph)
        if label is not None and text.strip():
            text = join_label(label, text)
        in_toc = in_toc_field or bool(style and _TOC_STYLE.match(style))
        if text.strip():
            yield TextBlock(
                text=text,
                style=style,
                outline_level=self._outline_level(element, style),
                number_label=label.text if label else None,
                bold=self._bold(paragraph),
                size=self._size(paragraph),
                in_toc=in_toc,
            )
        for box in element.iter(qn("w:txbxContent")):
            if any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
                continue  # the same text box again, for readers without DrawingML
            for inner in box.iter(qn("w:p")):
                inner_text = Paragraph(inner, self._document.part).text
                if inner_text.strip():
                    yield TextBlock(text=inner_text, style="text box")

    def _paragraph_in_toc(self, element) -> bool:
        """Track Word fields across paragraphs; a TOC is the field whose instruction starts “TOC”.

        Entries carry nested PAGEREF fields, so a stack of open fields is kept; the paragraph is
        in the TOC if the TOC field is open anywhere in it.
        """
        in_toc = self._toc_open()
        for node in element.iter(qn("w:fldChar"), qn("w:instrText"), qn("w:fldSimple")):
            if node.tag == qn("w:fldChar"):
                kind = node.get(qn("w:fldCharType"))
                if kind == "begin" and len(self._fields) < 64:
                    self._fields.append("")
                elif kind == "end" and self._fields:
                    self._fields.pop()
            elif node.tag == qn("w:instrText"):
                if self._fields:
                    self._fields[-1] += node.text or ""
            elif node.get(qn("w:instr"), "").strip().upper().startswith("TOC"):
                in_toc = True
            in_toc = in_toc or self._toc_open()
        return in_toc

    def _toc_open(self) -> bool:
        return any(instr.strip().upper().startswith("TOC") for instr in self._fields)

    def _style_name(self, paragraph: Paragraph) -> str | None:
        try:
            style = paragraph.style
        except Exception:  # a paragraph pointing at a style that does not exist
            return None
        return style.name if style is not None else None

    def _outline_level(self, element, style_name: str | None) -> int | None:
        """Word outline level, 1-based: the paragraph's own w:outlineLvl, its style chain's, or Heading N."""
        own = element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        if own is not None:
            return _level_from_val(own.get(qn("w:val")))
        ppr = element.find(qn("w:pPr"))
        style_id = (
            ppr.find(qn("w:pStyle")).get(qn("w:val"))
            if ppr is not None and ppr.find(qn("w:pStyle")) is not None
            else None
        )
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            lvl = style.element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
            if lvl is not None:
                return _level_from_val(lvl.get(qn("w:val")))
            match = _HEADING_STYLE.match(style.name or "")
            if match:
                return int(match.group(1))
            base = style.base_style
            style_id = base.style_id if base is not None else None
        match = _HEADING_STYLE.match(style_name or "")
        return int(match.group(1)) if match else None

    def _bold(self, paragraph: Paragraph) -> bool:
        try:
            runs = [r for r in paragraph.runs if r.text.strip()]
            if not runs:
                return False
            style_bold = _style_attr(paragraph, "bold")
            return all((r.bold if r.bold is not None else style_bold) for r in runs)
        except _BAD_VALUE:  # w:b w:val="maybe": formatting is a hint, not worth the document
            return False

    def _size(self, paragraph: Paragraph) -> float | None:
        try:
            for run in paragraph.runs:
                if run.text.strip() and run.font.size is not None:
                    return run.font.size.pt
            size = _style_attr(paragraph, "size")
            return size.pt if size is not None else None
        except _BAD_VALUE:  # w:sz w:val="big"
            return None

    def _table(self, element) -> Table:
        return _read_table(element, self._document.part, self._numbering)


def _is_strict(archive: zipfile.ZipFile, names: list[str]) -> bool:
    """ISO 29500 Strict DOCX names its parts with purl.oclc.org namespaces, which python-docx does not
    know: it fails with a bare KeyError that would read as “damaged”. The package relationships say it.
    """
    if "_rels/.rels" not in names:
        return False
    head = archive.open("_rels/.rels").read(64 * 1024)
    return b"purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" in head


def _level_from_val(value: str | None) -> int | None:
    # w:outlineLvl 0..8 are levels 1..9; 9 is body text.
    if value is None or not value.isdigit() or int(value) >= 9:
        return None
    return int(value) + 1


def _style_attr(paragraph: Paragraph, attr: str):
    try:
        style = paragraph.style
    except Exception:
        return None
    while style is not None:
        value = getattr(style.font, attr, None)
        if value is not None:
            return value
        style = style.base_style
    return None


def _numbering_element(document):
    try:
        return document.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        return None


def _cell_text(tc, part, numbering: NumberingResolver) -> str:
    lines: list[str] = []
    for p in tc.iter(qn("w:p")):
        text = Paragraph(p, part).text
        label = numbering.label(p)
        if label is not None and text.strip():
            text = join_label(label, text)
        if text.strip():
            lines.append(text.strip())
    return "\n".join(lines)


def _read_table(element, part, numbering: NumberingResolver) -> Table:
    """Place each w:tc on the grid (gridBefore, gridSpan) and extend vMerge cells downwards."""
    cells: list[TableCell] = []
    open_vmerge: dict[int, int] = {}  # grid column -> index in `cells` of the cell still growing
    n_cols = 0
    rows = [tr for tr in element.iterchildren(qn("w:tr"))]
    for r, tr in enumerate(rows):
        col = _int_of(tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}"), 0)
        for tc in tr.iter(qn("w:tc")):
            if next(tc.iterancestors(qn("w:tr"))) is not tr:
                continue  # a nested table's cell: its text is already in the outer cell
            tcpr = tc.find(qn("w:tcPr"))
            span = _int_of(tcpr.find(qn("w:gridSpan")), 1) if tcpr is not None else 1
            vmerge = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
            if vmerge is not None and vmerge.get(qn("w:val"), "continue") == "continue" and col in open_vmerge:
                index = open_vmerge[col]
                grown = cells[index]
                cells[index] = TableCell(grown.text, grown.row, grown.col, r - grown.row + 1, grown.col_span)
            else:
                cells.append(TableCell(_cell_text(tc, part, numbering), r, col, 1, span))
                if vmerge is not None:
                    open_vmerge[col] = len(cells) - 1
                else:
                    open_vmerge.pop(col, None)
            col += span
        n_cols = max(n_cols, col)
    return Table(cells=tuple(cells), n_rows=len(rows), n_cols=n_cols)


def _val_of(element) -> str | None:
    return element.get(qn("w:val")) if element is not None else None


def _int_of(element, default: int) -> int:
    """A grid count (gridSpan, gridBefore); a junk or absurd value falls back to the default
    rather than failing the document or building a million-column grid.
    """
    value = _val_of(element)
    return int(value) if value and value.isdigit() and 0 < int(value) <= 1000 else default
