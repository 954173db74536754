"""Bad input as a result: the errors readers raise, with third-party exceptions translated.

Only `service/` decides exit codes and wording for users; these carry a machine reason and a
Chinese explanation that can be shown as it is.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """Why a file could not be read."""

    ENCRYPTED = "encrypted"
    CORRUPT = "corrupt"
    EMPTY = "empty"
    UNSUPPORTED = "unsupported"
    TOO_LARGE = "too_large"
    HOSTILE = "hostile"
    NO_TEXT = "no_text"


class UnreadableDocument(Exception):
    """A file that cannot be turned into a document; the rest of the package goes on."""

    def __init__(self, reason: Reason, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message

    def __str__(self) -> str:
        return f"{self.reason}: {self.message}"


class HostileInput(UnreadableDocument):
    """A container that tries to harm the reader: zip bombs, path traversal, size caps exceeded."""

    def __init__(self, message: str) -> None:
        super().__init__(Reason.HOSTILE, message)
