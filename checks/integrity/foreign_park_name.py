"""integrity.foreign_park_name: the text names another park where it speaks of itself — a leftover
of copying another park's material (第十二条 材料的真实性; 第二十八条(三) 弄虚作假).

A park is told apart by its place name (the characters before 经济技术开发区, 工业园区 …): any name
whose place is none of the package's own is foreign, unless the sentence compares the park with
others (借鉴, 对标 …). Own names come from the forms, the identity facts and the title pages, so a
renamed park (临江经济技术开发区 → 临江高新技术产业开发区) is not foreign to itself.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from checks.model import Check, CheckContext, Evidence, Finding, Severity, Submission
from checks.text import phrases, sentences

BASIS = "管理办法 第十二条、第二十八条（三）"
MESSAGE = "{document}中出现其他园区名称“{name}”，而所述内容系本园区情况，疑似套用其他园区材料（{basis}）"


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[re.Pattern[str], frozenset[str]]:
    """The name pattern and the words that are not places, from data/park_names.toml."""
    with open(Path(__file__).parents[1] / "data" / "park_names.toml", "rb") as handle:
        data = tomllib.load(handle)
    suffixes = "|".join(sorted(data["suffixes"], key=len, reverse=True))
    endings = re.escape(data["not_place_endings"])
    pattern = re.compile(rf"([\u4e00-\u9fff][^\W\d_{endings}])({suffixes})")
    return pattern, frozenset(data["not_places"])


def _own_places(submission: Submission, mention: re.Pattern[str]) -> set[str]:
    names = [submission.park or ""]
    for document in submission.documents:
        names += [f.value for f in document.facts.identity if f.field == "park_name"]
        names += [f.value for f in document.form_fields if f.id.endswith(("park_name", ".park"))]
    return {m.group(1) for name in names for m in mention.finditer(name)} | {n[:2] for n in names if len(n) >= 2}


def run(submission: Submission, context: CheckContext) -> Iterator[Finding]:
    """One finding per foreign park name in the package, quoting where it first appears."""
    mention, not_places = _gazetteer()
    own = _own_places(submission, mention)
    if not own - {""}:
        return
    comparison = phrases()["comparison"]
    reported: set[str] = set()
    for document in submission.documents:
        for sentence in sentences(document):
            if comparison.search(sentence.text):
                continue
            for match in mention.finditer(sentence.text):
                place, name = match.group(1), match.group(0)
                if place in own or place in not_places or name in reported:
                    continue
                reported.add(name)
                yield CHECK.finding(
                    document.file,
                    name,
                    MESSAGE.format(document=document.file, name=name, basis=BASIS),
                    Evidence(document.file, sentence.page, sentence.text),
                )


CHECK = Check(
    id="integrity.foreign_park_name",
    severity=Severity.MAJOR,
    basis=BASIS,
    summary="材料中出现其他园区名称（疑似套用其他园区材料）",
    run=run,
)
