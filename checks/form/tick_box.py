"""form.tick_box: a tick-box field (园区级别, 园区类型, 化工园区, 机构性质) with no box or several
boxes ticked, where the form asks for exactly one.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.form_fields import form_fields
from checks.model import Check, CheckContext, Evidence, Finding, Severity, Submission
from extractors.facts.identity import ticked

MESSAGE = "{form}“{label}”应勾选且只勾选一项，实际勾选了{count}项{which}（{basis}）"


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per tick-box field not ticked exactly once."""
    for seen in form_fields(submission, context):
        if not seen.spec.options or not seen.value:
            continue  # an empty field is form.required_field_empty's finding
        marked = ticked(seen.value, seen.spec.options)
        if len(marked) == 1:
            continue
        which = f"（{'、'.join(marked)}）" if marked else ""
        yield Finding(
            rule=CHECK.id,
            severity=CHECK.severity,
            document=seen.document.file,
            subject=seen.spec.id,
            message=MESSAGE.format(
                form=seen.form.name, label=seen.spec.display, count=len(marked), which=which, basis=seen.form.basis
            ),
            basis=seen.form.basis,
            evidence=(Evidence(seen.document.file, seen.found.page, seen.value),),
        )


CHECK = Check(
    id="form.tick_box",
    severity=Severity.MINOR,
    basis="管理办法 附件2、附件4",
    summary="表单勾选项未勾选或勾选多项",
    run=run,
)
