"""Bad input never costs the package: each bad file is listed as `unreadable` with a specific Chinese
reason, and the good DOCX beside it is still read and classified. Every input is built here, in
tmp_path; each test is written so that it fails when the protection it covers is taken away.
"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import docx
import pypdf
import pytest

from extractors.limits import ReadLimits
from extractors.model import Document, DocumentKind
from service.review import ReviewResult, review_paths

TODAY = date(2026, 11, 23)
GOOD = "实施方案.docx"
PLAN_TITLE = "某某经济技术开发区生态文明建设示范区（生态工业园区）建设实施方案"
PLAN_HEADINGS = [
    "一、园区概况及创建基础",
    "（一）园区概况",
    "（二）创建基础",
    "二、总体方案",
    "（一）总体框架",
    "（二）主要目标及指标",
    "三、重点任务",
    "四、支撑项目",
    "五、指标可达性分析",
]
HOSTILE_PATH = "压缩包成员路径不安全"


# -- building inputs ---------------------------------------------------------------------------


def plan_docx_bytes() -> bytes:
    """A small but recognisable 实施方案: title and the annex-1 headings as plain paragraphs."""
    document = docx.Document()
    document.add_paragraph(PLAN_TITLE)
    document.add_paragraph("某某经济技术开发区管理委员会")
    for heading in PLAN_HEADINGS:
        document.add_paragraph(heading)
        document.add_paragraph(f"本节说明{heading[2:]}的有关情况，园区坚持生态优先、绿色发展，推进循环化改造。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal, valid PDF (Helvetica text, one list of lines per page) with a correct xref table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(len(pages))), len(pages)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, lines in enumerate(pages):
        content = ("BT /F1 11 Tf 72 760 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET").encode()
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


PDF_PAGES = [
    [f"Page {p} line {i}: lorem ipsum dolor sit amet, consectetur adipiscing." for i in range(30)] for p in (1, 2, 3, 4)
]


def text_pdf() -> bytes:
    return make_pdf(PDF_PAGES)


def encrypted_pdf(user_password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(text_pdf())))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue()


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, GOOD, plan_docx_bytes())
    return folder


def review(folder: Path, *bad: Path, limits: ReadLimits | None = None) -> tuple[ReviewResult, dict[str, Document]]:
    """Review the bad files together with the good plan, as one package."""
    result = review_paths([*bad, folder / GOOD], today=TODAY, limits=limits)
    documents = {d.file: d for d in result.submission.documents}
    assert len(documents) == len(result.submission.documents), "document names must be unique"
    return result, documents


def assert_good_read(documents: dict[str, Document]) -> None:
    good = documents[GOOD]
    assert good.kind == DocumentKind.IMPLEMENTATION_PLAN, (good.kind, good.error)
    assert good.error is None and good.chars > 0


def assert_unreadable(document: Document, *phrases: str) -> None:
    assert document.kind == DocumentKind.UNREADABLE, f"{document.file} was read as {document.kind}"
    assert document.raw is None
    for phrase in phrases:
        assert phrase in (document.error or ""), f"{document.file}: {document.error!r} lacks {phrase!r}"


# -- single bad files --------------------------------------------------------------------------


def _random_bytes() -> bytes:
    return random.Random(20261123).randbytes(64 * 1024)


@pytest.mark.parametrize(
    ("name", "build", "phrases"),
    [
        ("空白.pdf", lambda: b"", ["文件为空（0 字节）"]),
        ("空白.docx", lambda: b"", ["文件为空（0 字节）"]),
        ("截断.pdf", lambda: text_pdf()[: len(text_pdf()) // 2], ["PDF 文件已损坏"]),
        ("乱码.pdf", _random_bytes, ["扩展名为 .pdf", "内容不是 PDF"]),
        (
            "不是文档.docx",
            lambda: zip_bytes({"readme.txt": b"hello", "data/a.xml": b"<a/>"}),
            ["没有 word/document.xml"],
        ),
        ("加密.pdf", lambda: encrypted_pdf("secret"), ["PDF 已加密", "密码"]),
        ("旧方案.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + _random_bytes(), ["旧版", "另存为 DOCX 或 PDF"]),
        ("说明.txt", lambda: "园区说明\n".encode() * 50, ["不支持的文件类型（.txt）"]),
    ],
    ids=["empty-pdf", "empty-docx", "truncated-pdf", "random-pdf", "zip-not-docx", "encrypted-pdf", "ole-doc", "txt"],
)
def test_bad_file_is_unreadable_with_reason(inputs: Path, name: str, build, phrases: list[str]) -> None:
    bad = write(inputs, name, build())

    _, documents = review(inputs, bad)

    assert_unreadable(documents[name], *phrases)
    assert_good_read(documents)


def test_format_is_sniffed_from_content_not_extension(inputs: Path) -> None:
    liar = write(inputs, "其实是PDF.docx", text_pdf())

    _, documents = review(inputs, liar)

    document = documents["其实是PDF.docx"]
    assert document.kind != DocumentKind.UNREADABLE, document.error
    assert document.raw.format == "pdf" and document.pages == len(PDF_PAGES)
    assert "lorem ipsum" in " ".join(b.text for b in document.raw.blocks)
    assert_good_read(documents)


def test_empty_user_password_opens_and_is_read(inputs: Path) -> None:
    # Many “protected” PDFs only restrict printing/copying: anyone may open them, so must we.
    protected = write(inputs, "仅限制编辑.pdf", encrypted_pdf(""))
    assert pypdf.PdfReader(protected).is_encrypted

    _, documents = review(inputs, protected)

    document = documents["仅限制编辑.pdf"]
    assert document.kind != DocumentKind.UNREADABLE, document.error
    assert document.pages == len(PDF_PAGES)
    assert "lorem ipsum" in " ".join(b.text for b in document.raw.blocks)
    assert_good_read(documents)


# -- zip bombs ---------------------------------------------------------------------------------

BOMB_BYTES = 500 * 2**20


def _deflated_zeros(member: str, others: dict[str, bytes]) -> bytes:
    """A zip whose `member` inflates to 500 MB of zeros (~0.5 MB compressed, ~2 s to build):
    written by streaming 1 MB chunks, so the test never holds the inflated size.
    """
    buffer = io.BytesIO()
    chunk = bytes(2**20)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in others.items():
            archive.writestr(name, data)
        with archive.open(member, "w", force_zip64=True) as handle:
            for _ in range(BOMB_BYTES // len(chunk)):
                handle.write(chunk)
    return buffer.getvalue()


def _docx_parts_except(skipped: str) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(plan_docx_bytes())) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name != skipped}


@pytest.fixture(scope="module")
def bombs() -> dict[str, bytes]:
    return {
        # A sound DOCX skeleton whose document.xml is the bomb: python-docx would inflate it.
        "炸弹.docx": _deflated_zeros("word/document.xml", _docx_parts_except("word/document.xml")),
        # A package zip with the bomb as one member: checked before any member is read.
        "材料.zip": _deflated_zeros("附件/数据.pdf", {"附件/说明.txt": b"x"}),
    }


@pytest.fixture
def opened_members(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Declared sizes of every zip member anything opens for reading during the test."""
    sizes: list[int] = []
    original = zipfile.ZipFile.open

    def spy(self, name, mode="r", pwd=None, *, force_zip64=False):
        if mode == "r":
            info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
            sizes.append(info.file_size)
        return original(self, name, mode, pwd, force_zip64=force_zip64)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    return sizes


@pytest.mark.parametrize("name", ["炸弹.docx", "材料.zip"])
def test_zip_bomb_is_refused_without_inflating(
    inputs: Path, bombs: dict[str, bytes], opened_members: list[int], name: str
) -> None:
    bad = write(inputs, name, bombs[name])

    _, documents = review(inputs, bad)

    assert_unreadable(documents[name], "压缩比异常", "疑似压缩炸弹")
    assert max(opened_members) < 10 * 2**20, "a member of the bomb was opened for reading"
    assert_good_read(documents)


# -- package zips ------------------------------------------------------------------------------


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(root).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob("*")}


def test_zip_path_traversal_is_refused_and_nothing_is_written(
    tmp_path: Path, inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    # The escaping members are sound DOCX files: only the path check can keep them out.
    package = write(
        inputs,
        "材料.zip",
        zip_bytes({"../evil.docx": plan_docx_bytes(), "/abs/evil.docx": plan_docx_bytes(), "ok/说明.txt": b"x"}),
    )
    before = _tree(tmp_path)

    _, documents = review(inputs, package)

    assert_unreadable(documents["材料.zip/../evil.docx"], HOSTILE_PATH, "已拒绝")
    assert_unreadable(documents["材料.zip//abs/evil.docx"], HOSTILE_PATH, "已拒绝")
    assert_unreadable(documents["材料.zip/ok/说明.txt"], "不支持的文件类型")
    assert_good_read(documents)
    assert _tree(tmp_path) == before
    for escaped in (tmp_path.parent / "evil.docx", inputs.parent / "evil.docx", Path("/abs/evil.docx")):
        assert not escaped.exists()


def test_nested_zip_is_opened(inputs: Path) -> None:
    inner = zip_bytes({"附件/实施方案（修订）.docx": plan_docx_bytes(), "附件/说明.pdf": text_pdf()})
    package = write(inputs, "申报材料.zip", zip_bytes({"第二批.zip": inner}))

    _, documents = review(inputs, package)

    revised = documents["申报材料.zip/第二批.zip/附件/实施方案（修订）.docx"]
    assert revised.kind == DocumentKind.IMPLEMENTATION_PLAN, revised.error
    assert documents["申报材料.zip/第二批.zip/附件/说明.pdf"].pages == len(PDF_PAGES)
    assert_good_read(documents)


def test_zip_nested_deeper_than_limit_is_not_opened(inputs: Path) -> None:
    depth = ReadLimits().max_zip_depth
    payload = zip_bytes({"深处.docx": plan_docx_bytes()})
    names = [f"第{level}层.zip" for level in range(depth + 1)]
    for name in reversed(names[1:]):
        payload = zip_bytes({name: payload})
    package = write(inputs, names[0], payload)

    _, documents = review(inputs, package)

    refused = "/".join(names)
    assert_unreadable(documents[refused], f"嵌套超过 {depth} 层")
    assert not any(name.endswith("深处.docx") for name in documents)
    assert_good_read(documents)


@pytest.mark.parametrize(
    ("build", "phrases"),
    [
        (lambda: b"PK\x03\x04" + _random_bytes(), ["压缩文件已损坏"]),
        (lambda: zip_bytes({"a.docx": plan_docx_bytes()})[:2000], ["压缩文件已损坏"]),
        (_random_bytes, ["压缩文件已损坏"]),
        (lambda: zip_bytes({}), ["压缩包中没有文件"]),
        (lambda: zip_bytes({"附件/": b"", "__MACOSX/._a.pdf": b"x", ".DS_Store": b"x"}), ["压缩包中没有可审查的文件"]),
    ],
    ids=["junk-after-signature", "truncated", "no-zip-signature", "empty-archive", "only-folders-and-junk"],
)
def test_corrupt_zip_is_unreadable(inputs: Path, build, phrases: list[str]) -> None:
    package = write(inputs, "材料.zip", build())

    _, documents = review(inputs, package)

    assert_unreadable(documents["材料.zip"], *phrases)
    assert_good_read(documents)


def test_zip_member_with_bad_crc_is_unreadable_alone(inputs: Path) -> None:
    data = bytearray(zip_bytes({"a.pdf": text_pdf(), "b.docx": plan_docx_bytes()}))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("a.pdf")
    data[info.header_offset + 30 + len("a.pdf") + info.compress_size // 2] ^= 0xFF  # inside a.pdf's data
    package = write(inputs, "材料.zip", bytes(data))

    _, documents = review(inputs, package)

    assert_unreadable(documents["材料.zip/a.pdf"], "压缩包成员无法读取")
    assert documents["材料.zip/b.docx"].kind == DocumentKind.IMPLEMENTATION_PLAN
    assert_good_read(documents)


# -- paths that do not exist -------------------------------------------------------------------


def test_missing_path_is_an_error_and_the_rest_is_reviewed(inputs: Path) -> None:
    missing = inputs / "不存在.pdf"

    result, documents = review(inputs, missing)

    assert [e.path for e in result.errors] == [str(missing)]
    assert "找不到" in result.errors[0].message
    assert "不存在.pdf" not in documents
    assert_good_read(documents)


def test_cli_missing_path_exits_2_with_json(inputs: Path, tmp_path: Path) -> None:
    missing = inputs / "不存在.pdf"
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "service.cli",
            "review",
            "--json",
            "--today",
            "2026-11-23",
            str(missing),
            str(inputs / GOOD),
        ],
        capture_output=True,
        cwd=tmp_path,
        timeout=300,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )

    stderr = completed.stderr.decode("utf-8", "replace")
    assert completed.returncode == 2, stderr
    assert "Traceback" not in stderr
    assert "找不到" in stderr
    report = json.loads(completed.stdout.decode("utf-8"))
    assert [e["path"] for e in report["errors"]] == [str(missing)]
    assert report["errors"][0]["message"]
    assert [(d["file"], d["kind"]) for d in report["documents"]] == [(GOOD, "implementation_plan")]


def test_reader_crash_costs_only_that_file(inputs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A parser bug on one odd file (simulated) becomes that file's error, not an aborted package.
    def crash(*_args, **_kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("extractors.reader.read_pdf", crash)
    bad = write(inputs, "怪异.pdf", text_pdf())

    _, documents = review(inputs, bad)

    assert_unreadable(documents["怪异.pdf"], "内部错误", "RecursionError")
    assert_good_read(documents)
