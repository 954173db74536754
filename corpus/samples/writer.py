"""Author realistic Chinese Word documents and render them to PDF.

Reader tests need documents stored the way Microsoft Word stores them
(built-in heading styles with outline levels, automatic multi-level
numbering in the numbering part, style-inherited ``w:numPr``, repeating
table header rows, PAGE fields in footers), not the simplified XML that a
naive generator would emit.  This module builds such documents with
python-docx, patching the XML where python-docx has no API, and converts
them to PDF with LibreOffice so the same sample can feed the PDF reader.

It must never import ``extractors``: the documents are ground truth for
the readers, so the authoring side has to stay independent of them.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

CJK_FONT = "Noto Serif CJK SC"
"""Font installed on the test machines; also what LibreOffice needs to avoid tofu."""

_HEADING_SIZES_PT = (16, 14, 12)
_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


@dataclass(frozen=True)
class NumberingLevel:
    """One ``w:lvl`` of a multi-level list, i.e. how one heading level is numbered.

    ``suffix`` is Word's ``w:suff`` (``"tab"``, ``"space"`` or ``"nothing"``);
    ``"tab"`` is Word's default and is then not written at all, as Word does.
    """

    num_fmt: str
    lvl_text: str
    start: int = 1
    suffix: str = "tab"


CHINESE_OUTLINE = (
    NumberingLevel("chineseCounting", "%1、"),
    NumberingLevel("chineseCounting", "（%2）"),
    NumberingLevel("decimal", "%3."),
)
CHAPTER_OUTLINE = (
    NumberingLevel("chineseCounting", "第%1章"),
    NumberingLevel("chineseCounting", "第%2节"),
    NumberingLevel("chineseCounting", "%3、"),
)
DECIMAL_OUTLINE = (
    NumberingLevel("decimal", "%1."),
    NumberingLevel("decimal", "%1.%2"),
    NumberingLevel("decimal", "%1.%2.%3"),
)


class DocxWriter:
    """Builds one A4 Chinese document, top to bottom, then saves it.

    Methods append content in call order, like typing into Word.
    """

    def __init__(
        self,
        *,
        header_text: str | None = None,
        page_numbers: bool = True,
        heading_numbering: tuple[NumberingLevel, ...] | None = None,
        numbering_via_style: bool = True,
    ) -> None:
        self._doc = Document()
        self._numbering = heading_numbering
        self._via_style = numbering_via_style
        self._num_id: int | None = None
        self._setup_page()
        self._setup_fonts()
        if header_text is not None:
            self._setup_header(header_text)
        if page_numbers:
            self._setup_page_numbers()
        if heading_numbering:
            self._num_id = _add_heading_list(self._doc, heading_numbering)
            if numbering_via_style:
                self._link_styles_to_list()

    # -- document-wide setup ------------------------------------------------

    def _setup_page(self) -> None:
        """A4 with Word's Chinese default margins (python-docx defaults to Letter)."""
        section = self._doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.top_margin = section.bottom_margin = Cm(2.54)
        section.left_margin = section.right_margin = Cm(3.17)

    def _setup_fonts(self) -> None:
        """Explicit CJK fonts everywhere, so rendering never depends on theme fonts or font fallback."""
        styles = self._doc.styles
        _set_fonts(styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")))
        normal = styles["Normal"]
        normal.font.size = Pt(12)
        normal.paragraph_format.space_after = Pt(0)
        normal.paragraph_format.line_spacing = 1.5
        _set_fonts(normal.element.get_or_add_rPr())
        for level, size in enumerate(_HEADING_SIZES_PT, start=1):
            style = styles[f"Heading {level}"]
            style.font.size, style.font.bold = Pt(size), True
            style.font.color.rgb = RGBColor(0, 0, 0)  # also drops the theme colour
            style.paragraph_format.space_before = Pt(12)
            style.paragraph_format.space_after = Pt(6)
            _set_fonts(style.element.get_or_add_rPr())

    def _setup_header(self, text: str) -> None:
        header = self._doc.sections[0].header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0]
        paragraph.text = text
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def _setup_page_numbers(self) -> None:
        """Centered footer holding a PAGE field, stored exactly as Word stores one."""
        footer = self._doc.sections[0].footer
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _append_field(paragraph, " PAGE ", cached="1")

    def _link_styles_to_list(self) -> None:
        """Put ``w:numPr`` on the heading styles: Word's style-linked multi-level list."""
        for ilvl in range(len(self._numbering)):
            style = self._doc.styles[f"Heading {ilvl + 1}"]
            _set_num_pr(style.element.get_or_add_pPr(), self._num_id, ilvl)

    # -- content ----------------------------------------------------------

    def title_page(self, lines: list[str], date_line: str | None = None) -> None:
        """Cover page: large bold centered lines, optional date, then a page break."""
        for index, line in enumerate(lines):
            paragraph = self._centered(line, size_pt=22, bold=True)
            paragraph.paragraph_format.space_before = Pt(120 if index == 0 else 12)
        if date_line is not None:
            self._centered(date_line, size_pt=16).paragraph_format.space_before = Pt(96)
        self.page_break()

    def toc(self, entries: list[tuple[int, str, int]]) -> None:
        """Table of contents as Word's TOC field result: toc N styles, dot-leader tabs.

        Entries are (level, displayed title incl. its number, page number).
        """
        self._centered("目录", size_pt=16, bold=True)
        paragraphs = []
        for level, title, page in entries:
            paragraph = self._doc.add_paragraph(style=self._toc_style(level))
            paragraph.add_run(f"{title}\t{page}")
            paragraphs.append(paragraph)
        if paragraphs:
            _wrap_in_field(paragraphs[0], paragraphs[-1], ' TOC \\o "1-3" \\h \\z \\u ')
        self.page_break()

    def heading(self, text: str, level: int) -> None:
        """Heading in a built-in style; automatic numbers are never typed into the text."""
        if not 1 <= level <= len(_HEADING_SIZES_PT):
            raise ValueError(f"heading level must be 1..{len(_HEADING_SIZES_PT)}, got {level}")
        paragraph = self._doc.add_paragraph(text, style=f"Heading {level}")
        if self._num_id is not None and not self._via_style:
            if level > len(self._numbering):
                raise ValueError(f"heading_numbering has no level {level}")
            _set_num_pr(paragraph._p.get_or_add_pPr(), self._num_id, level - 1)

    def paragraph(self, text: str, *, bold: bool = False, style: str | None = None) -> None:
        """Body text; plain body paragraphs get the customary two-character first-line indent."""
        paragraph = self._doc.add_paragraph(style=style)
        if style is None:
            paragraph.paragraph_format.first_line_indent = Pt(24)
        run = paragraph.add_run(text)
        if bold:
            run.bold = True

    def table(
        self,
        rows: list[list[str]],
        *,
        header_rows: int = 1,
        merges: list[tuple[int, int, int, int]] = (),
        caption: str | None = None,
        col_widths_cm: list[float] | None = None,
    ) -> None:
        """Bordered table with repeating header rows and merged rectangles.

        ``merges`` are inclusive (row0, col0, row1, col1); a merged cell keeps only
        the text of its top-left cell, because covered cells are left empty and
        python-docx only moves non-empty content into the merge origin.
        """
        if caption is not None:
            self._centered(caption, size_pt=12, bold=True).paragraph_format.keep_with_next = True
        n_cols = max(len(row) for row in rows)
        table = self._doc.add_table(rows=len(rows), cols=n_cols)
        table.style = self._doc.styles["Table Grid"]
        covered = _covered_cells(merges)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if (r, c) not in covered:
                    _fill_cell(table.cell(r, c), text, bold=r < header_rows)
        for r in range(min(header_rows, len(rows))):
            table.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for r0, c0, r1, c1 in merges:
            table.cell(r0, c0).merge(table.cell(r1, c1))
        if col_widths_cm:
            _set_col_widths(table, col_widths_cm)

    def page_break(self) -> None:
        self._doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def save(self, path: Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._doc.save(str(path))
        return path

    # -- helpers ----------------------------------------------------------

    def _centered(self, text: str, *, size_pt: float, bold: bool = False) -> Paragraph:
        paragraph = self._doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.font.size = Pt(size_pt)
        run.bold = bold or None
        return paragraph

    def _toc_style(self, level: int) -> ParagraphStyle:
        """Word's built-in ``toc N`` style (lower-case name, styleId ``TOCN``), created on demand.

        python-docx's template lacks them and its BabelFish does not alias
        "TOC 1" to "toc 1", so the name is set directly to match Word.
        """
        name = f"toc {level}"
        existing = [s for s in self._doc.styles if s.name == name]
        if existing:
            return existing[0]
        style = self._doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=True)
        style.element.styleId = f"TOC{level}"
        style.base_style = self._doc.styles["Normal"]
        style.paragraph_format.left_indent = Pt(24 * (level - 1))
        section = self._doc.sections[0]
        text_width = section.page_width - section.left_margin - section.right_margin
        style.paragraph_format.tab_stops.add_tab_stop(text_width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        return style


# -- XML helpers (no python-docx API for these) ------------------------------


def _set_fonts(rPr) -> None:
    """Explicit ascii/hAnsi/eastAsia font and zh-CN East Asian language on a ``w:rPr``."""
    rFonts = rPr.get_or_add_rFonts()
    for attr in _THEME_FONT_ATTRS:
        rFonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        rFonts.set(qn(attr), CJK_FONT)
    lang = rPr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rPr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _add_heading_list(doc, levels: tuple[NumberingLevel, ...]) -> int:
    """Add a multi-level ``w:abstractNum`` linked to the heading styles plus its ``w:num``.

    Returns the new numId.  abstractNums must precede all nums in the part.
    """
    numbering = doc.part.numbering_part.element
    abstract_nums = numbering.findall(qn("w:abstractNum"))
    abstract_id = 1 + max((int(a.get(qn("w:abstractNumId"))) for a in abstract_nums), default=-1)
    lvls = "".join(_lvl_xml(ilvl, level) for ilvl, level in enumerate(levels))
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
    )
    if abstract_nums:
        abstract_nums[-1].addnext(abstract)
    else:
        numbering.insert(0, abstract)
    return numbering.add_num(abstract_id).numId


def _lvl_xml(ilvl: int, level: NumberingLevel) -> str:
    suff = "" if level.suffix == "tab" else f'<w:suff w:val="{level.suffix}"/>'
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{level.start}"/>'
        f'<w:numFmt w:val="{level.num_fmt}"/><w:pStyle w:val="Heading{ilvl + 1}"/>'
        f'{suff}<w:lvlText w:val="{level.lvl_text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
    )


def _set_num_pr(pPr, num_id: int, ilvl: int) -> None:
    numPr = pPr.get_or_add_numPr()
    numPr.get_or_add_ilvl().val = ilvl
    numPr.get_or_add_numId().val = num_id


def _field_run(paragraph: Paragraph, *, fld_char: str | None = None, instr: str | None = None):
    """A run holding one ``w:fldChar`` or ``w:instrText``, the pieces of a complex field."""
    run = paragraph.add_run()
    if fld_char is not None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), fld_char)
    else:
        element = OxmlElement("w:instrText")
        element.set(qn("xml:space"), "preserve")
        element.text = instr
    run._r.append(element)
    return run


def _append_field(paragraph: Paragraph, instr: str, *, cached: str) -> None:
    _field_run(paragraph, fld_char="begin")
    _field_run(paragraph, instr=instr)
    _field_run(paragraph, fld_char="separate")
    paragraph.add_run(cached)
    _field_run(paragraph, fld_char="end")


def _wrap_in_field(first: Paragraph, last: Paragraph, instr: str) -> None:
    """Make the paragraphs first..last the cached result of a field (as Word's TOC is)."""
    anchor = first.runs[0]._r
    for run in (
        _field_run(first, fld_char="begin"),
        _field_run(first, instr=instr),
        _field_run(first, fld_char="separate"),
    ):
        anchor.addprevious(run._r)
    _field_run(last, fld_char="end")


def _covered_cells(merges) -> set[tuple[int, int]]:
    """Cells inside a merge rectangle other than its top-left origin."""
    return {
        (r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0)
    }


def _fill_cell(cell, text: str, *, bold: bool) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.font.size = Pt(10.5)  # 五号, the usual table size in Chinese documents
    if bold:
        run.bold = True
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _set_col_widths(table, widths_cm: list[float]) -> None:
    """Word reads ``w:tcW`` per cell, LibreOffice the ``w:gridCol``s: set both."""
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


# -- PDF rendering ---------------------------------------------------------


def convert_to_pdf(docx_paths: list[Path], outdir: Path, *, timeout: float = 180) -> list[Path]:
    """Convert all documents with one LibreOffice run; returns the PDFs in input order.

    One call amortises LibreOffice's multi-second start-up.  A throwaway
    profile directory lets several conversions run in parallel, since
    LibreOffice refuses to share a profile between processes.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice not found: neither 'soffice' nor 'libreoffice' on PATH")
    docx_paths = [Path(p).resolve() for p in docx_paths]
    stems = [p.stem for p in docx_paths]
    if len(set(stems)) != len(stems):
        raise ValueError(f"input names collide in one output directory: {stems}")
    outdir = Path(outdir).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    pdfs = [outdir / f"{stem}.pdf" for stem in stems]
    for stale in pdfs:  # so a PDF left from an earlier run cannot pass as output
        stale.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, docx_paths),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    missing = [p for p in pdfs if not p.exists()]
    if missing:
        raise RuntimeError(
            f"LibreOffice (exit {result.returncode}) did not produce {missing}; "
            f"stderr: {result.stderr.strip()} stdout: {result.stdout.strip()}"
        )
    return pdfs
