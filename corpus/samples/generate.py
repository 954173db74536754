"""The sample corpus: N parks, each with an application and an acceptance package as DOCX and as
PDF (LibreOffice), seeded defects, and truth.json beside them. Deterministic for a given seed
(document text and truth; DOCX/PDF bytes carry timestamps). Never imports `extractors`.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from corpus.samples import paperwork, reports
from corpus.samples.defects import DefectContext, Seeded, apply, choose
from corpus.samples.drafts import Drafts, draft, follow_report
from corpus.samples.draw import draw_park
from corpus.samples.model import Park, ParkTruth, TruthDocument, TruthPackage
from corpus.samples.writer import convert_to_pdf

CLEAN_SHARE = 0.25


@dataclass(frozen=True)
class WrittenPark:
    """A park folder and its truth."""

    folder: Path
    truth: ParkTruth


def _render(folder: Path, drafts: Drafts) -> list[TruthDocument]:
    """Write every document the packages hold; returns their truth."""
    park = drafts.park
    app, acc = folder / "application", folder / "acceptance"
    renderers = {
        "application_letter": lambda p: paperwork.write_application_letter(
            p, park, drafts.plan.identity, park.application_date
        ),
        "implementation_plan": lambda p: reports.write_plan(p, park, drafts.plan),
        "compliance_certificate": lambda p: paperwork.write_compliance_certificate(
            p, park, drafts.plan.identity, park.application_date
        ),
        "plan_eia_proof": lambda p: paperwork.write_eia_proof(p, park, drafts.plan.identity),
        "filing_form": lambda p: paperwork.write_filing_form(p, park, drafts.filing),
        "acceptance_letter": lambda p: paperwork.write_acceptance_letter(
            p, park, drafts.acceptance_identity, park.acceptance_date
        ),
        "acceptance_report": lambda p: reports.write_report(p, park, drafts.report),
        "acceptance_form": lambda p: paperwork.write_acceptance_form(p, park, drafts.acceptance_form),
        "data_support": lambda p: paperwork.write_data_support(p, park, drafts.report),
    }
    written = [renderers[kind](app / f"{stem}.docx") for kind, stem in drafts.application.items()]
    written += [renderers[kind](acc / f"{stem}.docx") for kind, stem in drafts.acceptance.items()]
    return written


def _packages(drafts: Drafts, seeded: list[Seeded]) -> list[TruthPackage]:
    application = [f"application/{stem}.pdf" for stem in drafts.application.values()]
    acceptance = [f"acceptance/{stem}.pdf" for stem in drafts.acceptance.values()]
    acceptance.append(f"application/{drafts.application['implementation_plan']}.pdf")
    return [
        TruthPackage("application", application, [s.finding for s in seeded if "application" in s.packages]),
        TruthPackage("acceptance", acceptance, [s.finding for s in seeded if "acceptance" in s.packages]),
    ]


def choose_defects(seed: int, parks: int) -> list[list[str]]:
    """The defects of each park of a corpus: a share of parks is clean, the others get up to 3
    application and up to 4 acceptance defects, the least drawn kinds first (see `choose`).
    """
    drawn: Counter[str] = Counter()
    chosen: list[list[str]] = []
    for index in range(parks):
        rng = random.Random(f"{seed}:{index}:choice")
        names: list[str] = []
        if rng.random() >= CLEAN_SHARE:
            application, acceptance = rng.randint(0, 3), rng.randint(0, 4)
            if application + acceptance == 0:
                acceptance = 1
            names = choose(rng, "application", application, index > 0, drawn)
            names += choose(rng, "acceptance", acceptance, index > 0, drawn)
        drawn.update(names)
        chosen.append(names)
    return chosen


def write_park(
    out: Path,
    seed: int,
    park: Park,
    earlier: list[Park],
    defects: list[str],
    earlier_defects: dict[int, list[str]] | None = None,
) -> WrittenPark:
    """Seed one park's named defects, render its documents as DOCX, write truth.json.
    `earlier_defects`: the defects of the earlier parks, by index (what a copier may copy from them).
    """
    rng = random.Random(f"{seed}:{park.index}:defects")
    drafts = draft(park)
    seeded = apply(defects, DefectContext(drafts, rng, earlier, earlier_defects or {}))
    follow_report(drafts)
    folder = out / f"park-{park.index + 1:02d}"
    documents = _render(folder, drafts)
    truth = ParkTruth(park.identity.name, seed, park.index, defects, documents, _packages(drafts, seeded))
    (folder / "truth.json").write_text(json.dumps(truth.to_json(), ensure_ascii=False, indent=2), encoding="utf-8")
    return WrittenPark(folder, truth)


def generate(out: Path, parks: int, seed: int, *, pdf: bool = True, jobs: int = 2) -> list[Path]:
    """Write the corpus; returns the park folders."""
    out.mkdir(parents=True, exist_ok=True)
    drawn = [draw_park(random.Random(f"{seed}:{i}"), i) for i in range(parks)]
    defects = choose_defects(seed, parks)
    written = [
        write_park(out, seed, park, drawn[: park.index], defects[park.index], dict(enumerate(defects[: park.index])))
        for park in drawn
    ]
    if pdf:
        folders = [w.folder / part for w in written for part in ("application", "acceptance")]
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            list(pool.map(lambda f: convert_to_pdf(sorted(f.glob("*.docx")), f, timeout=600), folders))
    return [w.folder for w in written]
