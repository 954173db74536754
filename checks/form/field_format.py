"""form.field_format: a 邮政编码, telephone, e-mail or date field that is not well-formed (the
patterns are data: forms.toml [formats]).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from checks.form_fields import form_fields
from checks.model import Check, CheckContext, Evidence, Finding, Severity, Submission

MESSAGE = "{form}“{label}”填写为“{value}”，不符合{what}格式（{basis}）"
WHAT = {"postcode": "邮政编码（6位数字）", "phone": "电话号码", "email": "电子邮箱", "date": "日期"}


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per formatted field whose value does not match its pattern."""
    for seen in form_fields(submission, context):
        if seen.spec.format is None or not seen.value:
            continue
        value = re.sub(r"\s+", "", unicodedata.normalize("NFKC", seen.value))
        if re.match(seen.form.formats[seen.spec.format], value):
            continue
        yield Finding(
            rule=CHECK.id,
            severity=CHECK.severity,
            document=seen.document.file,
            subject=seen.spec.id,
            message=MESSAGE.format(
                form=seen.form.name,
                label=seen.spec.display,
                value=seen.value,
                what=WHAT[seen.spec.format],
                basis=seen.form.basis,
            ),
            basis=seen.form.basis,
            evidence=(Evidence(seen.document.file, seen.found.page, seen.value),),
        )


CHECK = Check(
    id="form.field_format",
    severity=Severity.MINOR,
    basis="管理办法 附件2、附件4",
    summary="邮政编码、电话、邮箱或日期栏目格式不正确",
    run=run,
)
