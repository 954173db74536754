"""integrity.indicator_conflict: one document gives the same indicator two different values for the
same year (its table against a sentence, or two sentences), so at least one is wrong
(第十八条（六）: 数据真实、准确).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checks.model import Check, CheckContext, Finding, Severity, Submission
from checks.pairs import evidence
from checks.values import disagree, same_topic, stated
from extractors.facts.model import Quote
from extractors.model import Document, DocumentKind

BASIS = "管理办法 第十八条（六）"
MESSAGE = "指标“{name}”在同一文件中数值不一致：一处为{first}，另一处为{second}，请核实数据的真实性和准确性（{basis}）"
_FORMS = (DocumentKind.ACCEPTANCE_FORM, DocumentKind.FILING_FORM)


@dataclass(frozen=True)
class Conflict:
    """Two statements of one value in one document."""

    name: str
    first: str
    second: str
    quotes: tuple[Quote | None, Quote | None]


def _shown(value: float, unit: str | None) -> str:
    return f"{value:g}{unit or ''}"


def conflicts(document: Document) -> Iterator[Conflict]:
    """The first disagreement per indicator: table against text, then text against text."""
    seen: set[str] = set()
    mentions = document.facts.mentions
    for n, mention in enumerate(mentions):
        if mention.standard_id in seen:
            continue
        for fact in document.facts.indicators:
            value = stated(fact, mention)
            if disagree(value, mention.value):
                seen.add(mention.standard_id)
                yield Conflict(
                    mention.name,  # the catalogue's wording; a table may add its unit to the name
                    _shown(value, fact.unit),
                    _shown(mention.value, mention.unit),
                    (fact.quote, mention.quote),
                )
                break
        else:
            other = next((m for m in mentions[:n] if same_topic(m, mention) and disagree(m.value, mention.value)), None)
            if other is not None:
                seen.add(mention.standard_id)
                yield Conflict(
                    other.name,
                    _shown(other.value, other.unit),
                    _shown(mention.value, mention.unit),
                    (other.quote, mention.quote),
                )


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per document and indicator stated with two values."""
    for document in submission.documents:
        if document.kind in _FORMS:
            continue  # a form's figures are compared with the report (consistency.application_form_conflict)
        for conflict in conflicts(document):
            message = MESSAGE.format(name=conflict.name, first=conflict.first, second=conflict.second, basis=BASIS)
            yield CHECK.finding(
                document.file, conflict.name, message, *(evidence(document, q) for q in conflict.quotes)
            )


CHECK = Check(
    id="integrity.indicator_conflict",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="同一文件中同一指标出现两个不同数值",
    run=run,
)
