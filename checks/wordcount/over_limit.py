"""wordcount.over_limit: a form field longer than the limit its annex prints (附件2, 附件4).

字 are counted as the contract defines them: every CJK character, plus each run of Latin letters
or digits as one. The limit comes from the form data, never from this module.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.form_fields import form_fields
from checks.model import Check, CheckContext, Evidence, Finding, Measure, Severity, Submission
from extractors.text import count_zi, squash

MESSAGE = "{form}“{field}”共 {count} 字，超过{basis}规定的 {limit} 字上限"
_QUOTE_CHARS = 80


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """Count each limited field of each form and report those over their limit."""
    for seen in form_fields(submission, context):
        field, found = seen.spec, seen.found
        if field.limit is None or found is None:
            continue
        count = count_zi(found.value)
        if count <= field.limit:
            continue
        quote = squash(found.value)
        yield Finding(
            rule=CHECK.id,
            severity=CHECK.severity,
            document=seen.document.file,
            subject=field.id,
            message=MESSAGE.format(
                form=seen.form.name, field=field.display, count=count, basis=seen.form.basis, limit=field.limit
            ),
            basis=seen.form.basis,
            evidence=(
                Evidence(
                    seen.document.file, found.page, quote[:_QUOTE_CHARS] + ("…" if len(quote) > _QUOTE_CHARS else "")
                ),
            ),
            measure=Measure(value=count, limit=field.limit, unit="字"),
        )


CHECK = Check(
    id="wordcount.over_limit",
    severity=Severity.MINOR,
    basis="管理办法 附件2、附件4",
    summary="备案表、验收申请表的文字栏目超过规定字数",
    run=run,
)
