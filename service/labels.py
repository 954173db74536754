"""The UI's Chinese labels and thresholds, loaded from `service/data/ui.toml` and validated."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

_PATH = Path(__file__).parent / "data" / "ui.toml"


class OpinionWording(BaseModel):
    """Fixed sentences of the exported 审查意见."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str
    basis: str
    no_findings: str


class UiData(BaseModel):
    """Everything the templates and exports need to say in Chinese."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    thin_section_chars: int
    risk_weights: dict[str, int]
    severity_labels: dict[str, str]
    stage_labels: dict[str, str]
    status_labels: dict[str, str]
    decision_labels: dict[str, str]
    kind_labels: dict[str, str]
    coverage_labels: dict[str, str]
    opinion: OpinionWording

    def severity(self, key: str) -> str:
        """The Chinese name of a severity."""
        return self.severity_labels.get(key, key)

    def stage(self, key: str | None) -> str:
        """The Chinese name of a stage."""
        return self.stage_labels.get(key or "unknown", key or "")

    def kind(self, key: str | None) -> str:
        """The Chinese name of a document kind."""
        return self.kind_labels.get(key or "other", key or "")


@cache
def ui() -> UiData:
    """The validated UI data; a broken file fails at start naming itself."""
    with open(_PATH, "rb") as handle:
        try:
            return UiData.model_validate(tomllib.load(handle))
        except Exception as exc:
            raise ValueError(f"{_PATH.name}: {exc}") from exc


SEVERITIES = ("blocker", "major", "minor", "info")
