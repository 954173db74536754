"""Copy detection told apart from shared boilerplate, on documents written as parks write them.

Four parks share a consultancy's template paragraph (their own names and figures filled in), quote
the 管理办法, and each describe their own practice. The fourth copies the first park's practice
paragraph, swapping in its own name. Only that paragraph is a copy.
"""

from __future__ import annotations

import hashlib

from sqlmodel import select

from corpus import tables as t
from corpus.neardup import Probe, find_copies, similar
from corpus.store import get_park, store_document
from extractors.model import DocumentKind, RawDocument, TextBlock
from extractors.reader import analyse

PARKS = ["临江经济技术开发区", "青山高新技术产业开发区", "南湖工业园区", "北塘经济开发区"]
INDUSTRIES = [
    "新材料—精细化工—新能源",
    "电子信息—生物医药—节能环保",
    "纺织服装—汽车零部件—现代物流",
    "装备制造—食品加工—新能源",
]

TEMPLATE = (
    "{park}自批准创建生态工业园区以来，认真落实《实施方案》各项部署，统筹推进产业绿色转型、资源循环利用和"
    "生态环境保护，园区集中污水处理厂设计处理规模{scale}万吨/日，雨污分流全面完成，创建工作取得显著成效。"
)
QUOTATION = (
    "根据《生态文明建设示范区（生态工业园区）管理办法》，园区有效贯彻执行国家和地方有关生态环境保护的法律、法规、标准，"
    "落实生态环境准入清单要求，未发生严重污染环境事件，或特别重大、重大突发环境事件。"
)
PRACTICE = (
    "{park}探索形成了“{chain}”产业共生模式，依托园区公共管廊实现蒸汽、中水和副产物的梯级利用，"
    "由园区管理机构牵头组建产业共生联盟，按月召开供需对接会，建立副产物交换台账和收益分成机制，"
    "企业之间年交换固体废物和余热资源折合标准煤约{tce}吨，形成了可复制推广的园区循环化改造经验。"
)


SURROUNDINGS = (
    "{park}所在区域环境空气质量优良天数比例为85%，地表水国控断面水质优良比例达到90%，"
    "园区建成区绿化覆盖率达到40%，重点企业清洁生产审核实施率为100%，环境质量总体良好并持续改善，"
    "区域生态环境保护工作得到上级部门充分肯定，群众满意度逐年提升。"
)


def _paragraphs(index: int) -> list[str]:
    park = PARKS[index]
    practice = PRACTICE.format(park=park, chain=INDUSTRIES[index], tce=1263 + 37 * index)
    if index == 3:  # the copier: park 0's paragraph with its own name
        practice = PRACTICE.format(park=PARKS[0], chain=INDUSTRIES[0], tce=1263).replace(PARKS[0], park)
    return [
        f"{park}生态工业园区创建验收报告",
        "五、创建特点和经验总结",
        TEMPLATE.format(park=park, scale=8 + index),
        QUOTATION,
        practice,
    ]


def _document(index: int, extra: list[str] | None = None, paragraphs: list[str] | None = None):
    paragraphs = paragraphs or [*_paragraphs(index), *(extra or [])]
    blocks = tuple(TextBlock(text, page=1 + i // 3) for i, text in enumerate(paragraphs))
    data = "\n".join(paragraphs).encode()
    raw = RawDocument("验收报告.pdf", hashlib.sha256(data).hexdigest(), "pdf", 2, blocks)
    return analyse(raw), data


def _store_parks(corpus, count: int, others: dict[str, list[str]] | None = None) -> None:
    """The first `count` parks' reports, then `others` (park name -> paragraphs)."""
    with corpus.session() as session:
        written = [
            (PARKS[i], _document(i, [SURROUNDINGS.format(park=PARKS[0])] if i == 0 else [])) for i in range(count)
        ]
        # (park 0 also writes the surroundings paragraph of the consultancy's template)
        written += [(name, _document(0, paragraphs=paragraphs)) for name, paragraphs in (others or {}).items()]
        for key, (name, (document, data)) in enumerate(written):
            park = get_park(session, name, None)
            submission = t.Submission(park_id=park.id, package_key=f"{key:064d}", stage="acceptance", status="complete")
            session.add(submission)
            session.flush()
            store_document(session, corpus.data_dir, submission.id, name, document, data)
        session.commit()


def _probes(index: int) -> list[Probe]:
    return [Probe("验收报告.pdf", 1 + i // 3, text) for i, text in enumerate(_paragraphs(index))]


def test_only_the_copied_paragraph_is_reported(corpus):
    _store_parks(corpus, 3)
    with corpus.session() as session:
        matches = find_copies(session, _probes(3), PARKS[3])
    assert [(m.other_park, m.page, m.other_page) for m in matches] == [(PARKS[0], 2, 2)]
    assert matches[0].quote.startswith(PARKS[3]) and matches[0].other_quote.startswith(PARKS[0])
    assert matches[0].similarity == 1.0


def test_template_shared_with_one_park_but_refilled_with_own_figures_is_not_a_copy(corpus):
    _store_parks(corpus, 1)
    with corpus.session() as session:
        matches = find_copies(session, _probes(3), PARKS[3])
    # The template paragraph reads the same but states this park's own scale: not reported.
    assert [m.other_park for m in matches] == [PARKS[0]]
    assert "产业共生" in matches[0].quote


def test_a_paragraph_found_in_two_other_parks_is_boilerplate(corpus):
    _store_parks(corpus, 3)
    same_everywhere = TEMPLATE.format(park=PARKS[3], scale=9)  # park 1's figures, found in parks 0-2 as template
    with corpus.session() as session:
        assert find_copies(session, [Probe("x.pdf", 1, same_everywhere)], PARKS[3]) == []


def test_quotation_of_the_rules_is_never_compared(corpus):
    _store_parks(corpus, 1)
    with corpus.session() as session:
        assert find_copies(session, [Probe("x.pdf", 1, QUOTATION)], PARKS[3]) == []


def test_own_park_is_never_a_copy(corpus):
    _store_parks(corpus, 4)
    with corpus.session() as session:
        matches = find_copies(session, _probes(0), PARKS[0])
    assert [m.other_park for m in matches] == [PARKS[3]]  # the copier, seen from the source


def test_similar_lists_documents_by_share(corpus):
    _store_parks(corpus, 3)
    with corpus.session() as session:
        documents, passages = similar(session, _probes(3), PARKS[3])
    assert documents[0].park == PARKS[0] and documents[0].passages == 2
    assert passages[0].park == PARKS[0] and passages[0].similarity == 1.0


def test_document_kind_survives_storage(corpus):
    _store_parks(corpus, 1)
    with corpus.session() as session:
        row = session.get(t.Document, 1)
    assert row.kind in {k.value for k in DocumentKind}


def test_the_corpus_can_be_limited_to_given_parks(corpus):
    _store_parks(corpus, 3)
    with corpus.session() as session:
        ids = dict(session.exec(select(t.Park.name, t.Park.id)).all())
        assert find_copies(session, _probes(3), PARKS[3], parks=[ids[PARKS[1]], ids[PARKS[2]]]) == []
        assert [m.other_park for m in find_copies(session, _probes(3), PARKS[3], parks=[ids[PARKS[0]]])] == [PARKS[0]]


def test_a_template_stating_only_round_shares_is_not_a_copy(corpus):
    """Two parks fill the consultancy's paragraph with the same round percentages: no evidence
    figure (another park's own facts) is repeated, so the paragraph is not compared at all."""
    _store_parks(corpus, 1)
    with corpus.session() as session:
        with_template = [*_probes(3)[:2], Probe("验收报告.pdf", 2, SURROUNDINGS.format(park=PARKS[3]))]
        assert find_copies(session, with_template, PARKS[3]) == []


def test_a_copy_stays_one_when_another_park_filled_the_same_template_with_its_own_figures(corpus):
    """东湖 wrote the practice paragraph from the same template and the same chain as park 0, with
    its own 1495 吨: park 3's copy of park 0 (1263 吨) is still a copy, and 东湖's is not."""
    own = PRACTICE.format(park="东湖工业园区", chain=INDUSTRIES[0], tce=1495)
    _store_parks(corpus, 3, {"东湖工业园区": [own]})
    with corpus.session() as session:
        matches = find_copies(session, _probes(3), PARKS[3])
    assert [m.other_park for m in matches] == [PARKS[0]]
