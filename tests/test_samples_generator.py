"""The sample-corpus generator: each defect changes what its truth says it changes, generation is
deterministic, the truth matches what was written, and the PDFs carry the Chinese text."""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import pdfplumber
import pytest

from corpus.samples.defects import CATALOGUE, NEEDS_EARLIER, DefectContext, apply, choose
from corpus.samples.drafts import count_zi, draft, follow_report
from corpus.samples.draw import draw_park
from corpus.samples.generate import choose_defects, generate
from corpus.samples.standard_defects import MANDATORY


def _drafts(index: int = 3):
    parks = [draw_park(random.Random(f"7:{i}"), i) for i in range(index + 1)]
    return draft(parks[index]), parks[:index]


def _ctx(name: str, index: int = 3):
    drafts, earlier = _drafts(index)
    seeded = apply([name], DefectContext(drafts, random.Random(name), earlier))
    follow_report(drafts)  # as generate.write_park does: the form's texts are written last
    return drafts, seeded, earlier


def test_a_clean_draft_is_consistent():
    drafts, _ = _drafts()
    assert drafts.plan.identity == drafts.report.identity == drafts.acceptance_identity
    assert [i.name for i in drafts.plan.indicators] == [i.name for i in drafts.report.indicators]
    assert drafts.report.evaluation_start == drafts.plan.baseline_year
    assert all(count_zi(v) <= 500 for v in drafts.acceptance_form.long_fields.values())
    assert count_zi(drafts.filing.long_fields["filing.content"]) <= 1000
    for indicator in drafts.report.indicators:
        if indicator.standard is not None:
            meets = (
                indicator.achieved >= indicator.standard
                if indicator.direction == "≥"
                else (indicator.achieved <= indicator.standard)
            )
            assert meets, indicator
    days = (drafts.park.acceptance_date - drafts.park.approval_date).days
    assert 2 * 365 <= days <= 3 * 365


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_every_defect_changes_what_its_truth_claims(name):
    drafts, seeded, earlier = _ctx(name)
    plan, report = drafts.plan, drafts.report
    for item in seeded:
        rule, subject = item.finding.rule, item.finding.subject
        if rule == "outline.missing_section":
            assert subject in plan.omitted_sections | report.omitted_sections
        elif rule == "wordcount.over_limit":
            limit = 1000 if subject == "filing.content" else 500
            form = drafts.filing if subject == "filing.content" else drafts.acceptance_form
            assert count_zi(form.long_fields[subject]) > limit
        elif rule == "package.missing_document":
            assert subject not in drafts.application and subject not in drafts.acceptance
        elif rule == "consistency.indicator_dropped":
            assert subject in {i.name for i in plan.indicators} - {i.name for i in report.indicators}
        elif rule == "consistency.target_changed":
            before = {i.name: i.target for i in plan.indicators}
            assert next(i.target for i in report.indicators if i.name == subject) != before[subject]
        elif rule == "consistency.baseline_year_mismatch":
            assert report.evaluation_start != plan.baseline_year
        elif rule == "consistency.project_dropped":
            assert subject in {p.name for p in plan.projects} - {p.name for p in report.projects}
            assert subject not in {a.name for a in report.adjusted_projects}
        elif rule == "change.undisclosed":
            changed = {
                "park_name": plan.identity.name != drafts.acceptance_identity.name,
                "managing_body": plan.identity.body != drafts.acceptance_identity.body,
                "scope": plan.identity.area_km2 != drafts.acceptance_identity.area_km2,
                "indicators": len(report.indicators) < len(plan.indicators),
                "projects": len(report.projects) < len(plan.projects),
            }
            assert changed[subject]
        elif rule == "standard.not_met":
            indicator = next(i for i in report.indicators if i.name == subject)
            assert indicator.standard is not None
            if indicator.direction == "≥":
                assert indicator.achieved < indicator.standard
            else:
                assert indicator.achieved > indicator.standard
        elif rule == "timeline.creation_period":
            days = (drafts.park.acceptance_date - drafts.park.approval_date).days
            assert days < 2 * 365 if subject == "too_short" else days > 3 * 365
        elif rule == "timeline.eia_outdated":
            assert (drafts.park.application_date - drafts.park.eia_review_date).days > 5 * 365
            assert not drafts.park.eia_followup
        elif rule == "integrity.foreign_park_name":
            assert subject in plan.foreign_names + report.foreign_names
            assert subject not in (plan.identity.name, drafts.acceptance_identity.name)
        elif rule == "arithmetic.total_mismatch":
            content = plan if item.finding.kind == "implementation_plan" else report
            assert content.project_total_wan != sum(p.investment_wan for p in content.projects)
        elif rule == "completeness.table_missing":
            assert subject in plan.omitted_tables
        elif rule == "completeness.table_columns":
            assert subject in plan.omitted_columns and subject not in plan.omitted_tables
        elif rule == "completeness.map_missing":
            assert subject in plan.omitted_maps
        elif rule == "completeness.data_source":
            assert not plan.sources_stated
        elif rule == "completeness.indicator_method":
            assert subject in report.method_gaps and subject in {i.name for i in report.indicators}
        elif rule == "integrity.near_duplicate":
            assert report.copied_passage and subject not in report.copied_passage
        elif rule == "consistency.indicator_added":
            assert subject in {i.name for i in report.indicators} - {i.name for i in plan.indicators}
            assert subject not in report.explained_additions
        elif rule == "consistency.project_changed":
            before = {p.name: (p.start, p.end, p.investment_wan, p.owner) for p in plan.projects}
            after = next(p for p in report.projects if p.name == subject)
            assert (after.start, after.end, after.investment_wan, after.owner) != before[subject]
        elif rule == "consistency.project_status_conflict":
            status = next(p.status for p in report.projects if p.name == subject)
            assert report.progress_in_text[subject] != status
        elif rule == "consistency.application_form_conflict":
            assert drafts.acceptance_form.overrides
        elif rule == "integrity.indicator_conflict":
            achieved = next(i.achieved for i in report.indicators if i.name == subject)
            assert report.values_in_text[subject] != achieved
        elif rule == "change.reported_late":
            adjustment = next(a for a in report.adjusted_projects if a.name == subject)
            assert (adjustment.reported - adjustment.made).days > 7 * 30
        elif rule == "standard.mandatory_missing":
            assert subject in MANDATORY and subject not in {i.name for i in plan.indicators}
        elif rule == "standard.choice_unmet":
            assert not set(subject.split("、")) & {i.name for i in plan.indicators}
        elif rule == "standard.unit_mismatch":
            victim = next(i for i in plan.indicators if i.name == subject)
            assert victim.unit_written and victim.unit_written != victim.unit
        elif rule == "timeline.economic_years":
            assert report.economy_years < 3
        elif rule == "arithmetic.growth_mismatch":
            assert abs(report.growth_error) >= 1.5
        elif rule == "integrity.copied_numbers":
            source = next(p for p in earlier if p.identity.name == subject)
            assert report.copied_economy is source.economy and subject != report.identity.name
        elif rule == "arithmetic.rate_mismatch":
            assert subject in report.miscomputed and subject in {i.name for i in report.indicators}
        else:
            pytest.fail(f"unknown rule {rule}")


def test_distractors_change_documents_but_seed_no_finding():
    drafts, seeded, _ = _ctx("project_adjusted_disclosed")
    assert seeded == [] and drafts.report.adjusted_projects
    assert all((a.reported - a.made).days < 6 * 30 for a in drafts.report.adjusted_projects)
    drafts, seeded, _ = _ctx("indicator_added_explained")
    assert seeded == [] and drafts.report.explained_additions
    drafts, seeded, _ = _ctx("eia_old_with_followup")
    assert seeded == [] and drafts.park.eia_followup


def test_defect_choice_respects_exclusions_and_counts():
    for seed in range(50):
        rng = random.Random(seed)
        for package in ("application", "acceptance"):
            names = choose(rng, package, 4, has_earlier=True)
            assert len(names) <= 4 and len(set(names)) == len(names)
            for a in names:
                assert not any(b in CATALOGUE[a][2] for b in names)


PROJECT_DEFECTS = ("project_dropped", "project_period_changed", "project_status_conflict", "adjustment_reported_late")


@pytest.mark.parametrize("first", PROJECT_DEFECTS)
def test_two_project_defects_of_one_park_alter_different_projects(first):
    """A status conflict seeded on a project that another defect then drops (or the reverse) is a truth
    no document shows: park-27 of seed 2 claimed a conflict for a project its report had replaced.
    """
    for run in range(12):
        drafts, earlier = _drafts()
        ctx = DefectContext(drafts, random.Random(f"{first}:{run}"), earlier)
        seeded = apply([first, *(d for d in PROJECT_DEFECTS if d != first)], ctx)
        named = [s.finding.subject for s in seeded if s.finding.rule != "change.undisclosed"]
        assert len(named) == len(set(named)) == len(PROJECT_DEFECTS), named
        kept = {p.name for p in drafts.report.projects}
        for item in seeded:
            if item.finding.rule in ("consistency.project_status_conflict", "consistency.project_changed"):
                assert item.finding.subject in kept


def test_defects_copying_an_earlier_park_are_never_drawn_for_the_first():
    for seed in range(20):
        assert not NEEDS_EARLIER & set(choose(random.Random(seed), "acceptance", 40, has_earlier=False))


@pytest.mark.parametrize(
    ("name", "unfit"),
    [
        # no three-year 经济状况 table under the park's own name: section left out, renamed, two years
        ("report_copied_numbers", ["report_missing_section", "park_renamed", "economic_years_short"]),
        # the practice passage under another name, or replaced by a copied one
        ("report_copied_passage", ["park_renamed", "report_copied_passage", "park_renamed"]),
    ],
)
def test_a_copy_comes_from_an_earlier_park_whose_documents_hold_it(name, unfit):
    """Parks 0-2 do not hold what is copied as the truth names it: the copier takes park 3's."""
    drafts, earlier = _drafts(4)
    defects = {index: [defect] for index, defect in enumerate(unfit)}
    for seed in range(10):
        (item,) = apply([name], DefectContext(drafts, random.Random(seed), earlier, defects))
        assert item.finding.subject == earlier[3].identity.name


def test_a_forty_park_corpus_seeds_every_defect_kind():
    """The benchmark's corpus size: every rule the generator can seed has cases to be scored on."""
    for seed in range(1, 6):
        chosen = choose_defects(seed, 40)
        drawn = {name for names in chosen for name in names}
        assert drawn == set(CATALOGUE), (seed, set(CATALOGUE) - drawn)
        assert sum(not names for names in chosen) >= 5  # clean parks remain to measure precision on
        for names in chosen:
            assert not any(b in CATALOGUE[a][2] for a in names for b in names)


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def test_generation_is_deterministic_for_a_seed(tmp_path):
    first = generate(tmp_path / "a", 3, 5, pdf=False)
    second = generate(tmp_path / "b", 3, 5, pdf=False)
    assert [f.name for f in first] == [f.name for f in second]
    for a, b in zip(first, second, strict=True):
        assert json.loads((a / "truth.json").read_text()) == json.loads((b / "truth.json").read_text())
        for docx in sorted(a.rglob("*.docx")):
            assert _docx_text(docx) == _docx_text(b / docx.relative_to(a)), docx.name
    other = generate(tmp_path / "c", 3, 6, pdf=False)
    assert json.loads((first[0] / "truth.json").read_text()) != json.loads((other[0] / "truth.json").read_text())


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> list[Path]:
    return generate(tmp_path_factory.mktemp("corpus"), 2, 11)


def test_every_package_file_exists_as_docx_and_pdf(small_corpus):
    for folder in small_corpus:
        truth = json.loads((folder / "truth.json").read_text())
        for package in truth["packages"]:
            for name in package["files"]:
                assert (folder / name).exists(), name
                assert (folder / name).with_suffix(".docx").exists(), name


def test_pdfs_contain_the_chinese_text_the_truth_describes(small_corpus):
    for folder in small_corpus:
        truth = json.loads((folder / "truth.json").read_text())
        for document in truth["documents"]:
            pdf = next(folder.rglob(f"{document['stem']}.pdf"))
            with pdfplumber.open(pdf) as handle:
                text = "".join((page.extract_text() or "") for page in handle.pages)
            compact = "".join(text.split())
            assert truth["park"][:2] in compact, pdf.name
            positions = [compact.find("".join(s["title"].split())) for s in document["sections"]]
            assert all(p >= 0 for p in positions), (pdf.name, document["sections"], positions)
            for indicator in document["indicators"]:
                assert indicator["name"][:6] in compact, (pdf.name, indicator["name"])


def test_a_practice_passage_states_the_parks_own_figures():
    """What a copy betrays is the source's facts: each park's passage states two or more evidence figures
    (integrity.near_duplicate compares nothing else than passages stating some)."""
    from corpus.samples.draw import practice_passage
    from corpus.text import figures

    passages = [practice_passage(draw_park(random.Random(f"1:{i}"), i)) for i in range(40)]
    assert all(len(figures(p)) >= 2 for p in passages)
    assert len({tuple(figures(p)) for p in passages}) == 40
