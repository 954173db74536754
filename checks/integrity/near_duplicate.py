"""integrity.near_duplicate: a passage of the package is (nearly) the same as a passage of another
park's document in the corpus — copied material (第十二条 材料的真实性; 第二十八条(三) 弄虚作假).

The corpus finds the matching passages before the checks run (`CheckContext.corpus_matches`, filled
only when the review runs `--against` a corpus); this check only words them: one finding per
document and other park, quoting both passages of each pair, ours first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from checks.model import Check, CheckContext, CorpusMatch, Evidence, Finding, Severity, Submission

BASIS = "管理办法 第十二条、第二十八条（三）"
MESSAGE = (
    "{document}中有 {count} 段文字与{other}《{other_document}》的文字基本相同（相似度 {similarity:.0%}），"
    "疑似抄用其他园区材料（{basis}）"
)


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per (document, other park), evidence in pairs: our passage, then theirs."""
    grouped: dict[tuple[str, str], list[CorpusMatch]] = defaultdict(list)
    for match in context.corpus_matches:
        if match.kind != "passage":
            continue
        grouped[(match.document, match.other_park)].append(match)
    for (document, other), matches in grouped.items():
        evidence: list[Evidence] = []
        for match in matches:
            evidence.append(Evidence(match.document, match.page, match.quote))
            evidence.append(Evidence(f"{match.other_park}/{match.other_document}", match.other_page, match.other_quote))
        yield CHECK.finding(
            document,
            other,
            MESSAGE.format(
                document=document,
                count=len(matches),
                other=other,
                other_document=matches[0].other_document,
                similarity=max(m.similarity for m in matches),
                basis=BASIS,
            ),
            *tuple(evidence),
        )


CHECK = Check(
    id="integrity.near_duplicate",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="材料中的段落与语料库中其他园区的材料基本相同（疑似抄用，需 --against 语料库）",
    run=run,
)
