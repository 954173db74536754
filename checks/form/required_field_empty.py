"""form.required_field_empty: a field of 附件2 / 附件4 left empty (or left at its printed hint).

Every field is required unless forms.toml says `required = false` (传真). A form the reader did not
find at all is not reported field by field: its kind would not be known.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.form_fields import form_fields
from checks.model import Check, CheckContext, Evidence, Finding, Severity, Submission

MESSAGE = "{form}“{label}”栏未填写（{basis}）"


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per required field that is missing or blank."""
    for seen in form_fields(submission, context):
        if not seen.document.form_fields or not seen.spec.required or seen.value.strip(" _＿\n"):
            continue
        found = seen.found
        yield Finding(
            rule=CHECK.id,
            severity=CHECK.severity,
            document=seen.document.file,
            subject=seen.spec.id,
            message=MESSAGE.format(form=seen.form.name, label=seen.spec.display, basis=seen.form.basis),
            basis=seen.form.basis,
            evidence=(Evidence(seen.document.file, found.page, found.label),) if found else (),
        )


CHECK = Check(
    id="form.required_field_empty",
    severity=Severity.MAJOR,
    basis="管理办法 附件2、附件4",
    summary="备案表、验收申请表的必填栏目未填写",
    run=run,
)
