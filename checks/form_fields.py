"""The fields of every form in a package, with their spec: the loop all form checks share."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checks.model import CheckContext, Submission
from extractors.forms import FieldSpec, FormSpec
from extractors.model import Document, FormField


@dataclass(frozen=True)
class FieldSeen:
    """One field of one form: the document, its form spec, the field's spec and what was read (or None)."""

    document: Document
    form: FormSpec
    spec: FieldSpec
    found: FormField | None

    @property
    def value(self) -> str:
        """The value as read, stripped; empty when the field was not found."""
        return self.found.value.strip() if self.found else ""


def form_fields(submission: Submission, context: CheckContext) -> Iterator[FieldSeen]:
    """Every field spec of every form document, in document and form order."""
    for document in submission.documents:
        form = context.form(document.kind)
        if form is None:
            continue
        for spec in form.fields:
            yield FieldSeen(document, form, spec, document.field_value(spec.id))
