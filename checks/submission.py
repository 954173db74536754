"""Building the Submission a check sees: the package's stage from what was uploaded, and the
park it concerns from its forms and title pages. Stage rules are data (`data/stages.toml`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from checks.model import Stage, Submission
from extractors.kinds import title_area
from extractors.model import Document, DocumentKind
from extractors.segment import toc_indices

_PARK = re.compile(
    r"([\u4e00-\u9fff]{2,24}?(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|工业园区|产业园区|工业园|开发区|化工园区|园区))"
)
_PARK_FIELDS = ("filing.park_name", "acceptance.park_name", "filing.park", "acceptance.park")


class StageRule(BaseModel):
    """The documents that mark a stage, and the package its article requires."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    stage: Stage
    basis: str
    indicative: tuple[DocumentKind, ...]
    required: tuple[DocumentKind, ...]


@lru_cache(maxsize=1)
def load_stage_rules() -> tuple[StageRule, ...]:
    """Stage rules in order of precedence."""
    with open(Path(__file__).parent / "data" / "stages.toml", "rb") as handle:
        return tuple(StageRule.model_validate(s) for s in tomllib.load(handle)["stages"])


def infer_stage(documents: Sequence[Document]) -> Stage:
    """The first stage (in precedence order) one of whose documents was uploaded."""
    kinds = {d.kind for d in documents}
    for rule in load_stage_rules():
        if kinds.intersection(rule.indicative):
            return rule.stage
    return Stage.UNKNOWN


def park_name(documents: Sequence[Document]) -> str | None:
    """The park's name as its forms state it, else as the title pages state it."""
    for field_id in _PARK_FIELDS:
        for document in documents:
            found = document.field_value(field_id)
            if found and found.value.strip():
                return found.value.strip()
    for document in documents:
        if document.raw is None:
            continue
        title = title_area(document.raw.blocks, toc_indices(document.raw.blocks))
        for line in title.split("\n"):
            match = _PARK.search(line)
            if match and "示范区" not in match.group(1) and "生态工业园区" not in match.group(1):
                return match.group(1)
    return None


def build_submission(documents: Sequence[Document]) -> Submission:
    """The typed package the checks receive."""
    return Submission(documents=tuple(documents), stage=infer_stage(documents), park=park_name(documents))
