"""Accuracy of the review against a generated corpus whose truth is known.

Generates (once, cached in bench/out/) a corpus of PARKS parks with `corpus.samples.generate`, reviews
every package in-process as the CLI would, and scores the review against each park's truth.json:
  findings   per rule: TP / FP / FN, precision, recall, matched by (rule, normalised subject)
  outline    F1 of the (heading, outline id) mapping of plans and reports
  indicators exact-match rate of the indicator values the review extracts
  projects   recall of the 支撑项目 lists (by name) and how many have every field right
  kinds      document kinds and package stages recognised
Before reviewing, every package is ingested into a corpus (cached beside the generated one), and each
acceptance package is reviewed against the parks before it, so integrity.near_duplicate is scored too.
Prints the tables and the packages that went wrong, and writes everything as JSON.

Usage: python bench/accuracy.py [--parks 40] [--seed 1] [--format pdf|docx] [--out DIR] [--json FILE]
                                [--jobs 2] [--regenerate] [--self-check] [--no-corpus]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
import traceback
import unicodedata
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

OUT = Path(__file__).parent / "out"
TODAY = date(2026, 11, 23)  # the packages' own dates are not known to the scorer
CONTRACT_RULES = (
    "outline.missing_section",
    "wordcount.over_limit",
    "package.missing_document",
    "consistency.indicator_dropped",
    "consistency.target_changed",
    "consistency.baseline_year_mismatch",
    "consistency.project_dropped",
    "change.undisclosed",
    "standard.not_met",
    "timeline.creation_period",
    "timeline.eia_outdated",
    "integrity.foreign_park_name",
    "integrity.near_duplicate",
    "arithmetic.total_mismatch",
)
_NUMBERING = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]+[章节部分篇]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d+(?:\.\d+)*[.、．]?|[①-⑳])"
)


def normalise(text: str) -> str:
    """NFKC, all whitespace removed: how subjects, titles and names are compared."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _unnumbered(title: str) -> str:
    """A normalised title without its leading number (一、, （一）, 第一章, 1.1 …)."""
    key = normalise(title)
    return _NUMBERING.sub("", key, count=1) or key


# -- scores ---------------------------------------------------------------------------------------


@dataclass
class Counts:
    """True positives, false positives, false negatives and the ratios made of them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return None if p is None or r is None or p + r == 0 else 2 * p * r / (p + r)

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def to_json(self) -> dict:
        return {**asdict(self), "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class PackageOutcome:
    """One reviewed package: what it should have found, what it missed and what it invented."""

    park: str
    stage: str
    review_stage: str | None
    missed: list[tuple[str, str]] = field(default_factory=list)
    spurious: list[tuple[str, str]] = field(default_factory=list)
    error: str | None = None

    @property
    def wrong(self) -> bool:
        return bool(self.missed or self.spurious or self.error) or self.review_stage != self.stage


@dataclass
class Scores:
    """Everything the benchmark measures."""

    rules: dict[str, Counts]
    outline: Counts
    indicators_total: int = 0
    indicators_exact: int = 0
    indicators_found: int = 0
    projects_total: int = 0
    projects_found: int = 0
    projects_exact: int = 0
    kinds_total: int = 0
    kinds_correct: int = 0
    kind_errors: list[dict] = field(default_factory=list)
    outline_errors: list[dict] = field(default_factory=list)
    packages: list[PackageOutcome] = field(default_factory=list)

    @property
    def totals(self) -> Counts:
        total = Counts()
        for counts in self.rules.values():
            total.add(counts)
        return total

    def to_json(self) -> dict:
        return {
            "rules": {rule: c.to_json() for rule, c in self.rules.items()},
            "totals": self.totals.to_json(),
            "outline": self.outline.to_json(),
            "outline_errors": self.outline_errors,
            "indicators": {
                "total": self.indicators_total,
                "exact": self.indicators_exact,
                "found": self.indicators_found,
                "rate": self.indicators_exact / self.indicators_total if self.indicators_total else None,
            },
            "projects": {
                "total": self.projects_total,
                "found": self.projects_found,
                "exact": self.projects_exact,
                "recall": self.projects_found / self.projects_total if self.projects_total else None,
            },
            "kinds": {"total": self.kinds_total, "correct": self.kinds_correct, "errors": self.kind_errors},
            "stages": {
                "total": len(self.packages),
                "correct": sum(p.review_stage == p.stage for p in self.packages),
            },
            "packages": [asdict(p) for p in self.packages],
        }


def _finding_keys(findings: Iterable[dict]) -> Counter:
    return Counter((f["rule"], normalise(f["subject"])) for f in findings)


def score_findings(truth: list[dict], review: list[dict]) -> tuple[dict[str, Counts], list, list]:
    """Per rule counts for one package; a key found more often than the truth has it is a false positive."""
    expected, found = _finding_keys(truth), _finding_keys(review)
    rules: dict[str, Counts] = {}
    missed, spurious = [], []
    for key in sorted(expected.keys() | found.keys()):
        hit = min(expected[key], found[key])
        counts = rules.setdefault(key[0], Counts())
        counts.add(Counts(hit, found[key] - hit, expected[key] - hit))
        missed += [key] * (expected[key] - hit)
        spurious += [key] * (found[key] - hit)
    return rules, missed, spurious


def match_sections(truth: list[dict], review: list[dict]) -> list[tuple[int | None, int | None]]:
    """Pair truth and review headings by title, in document order: exact (spaces removed) first, then
    without their leading numbers (a PDF shows Word's automatic numbers, the DOCX text does not)."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for key in (normalise, _unnumbered):
        keys = [key(s["title"]) for s in review]
        for t, section in enumerate(truth):
            if t in pairs:
                continue
            wanted = key(section["title"])
            after = max((r for tt, r in pairs.items() if tt < t), default=-1)
            order = [*range(after + 1, len(review)), *range(after + 1)]
            hit = next((r for r in order if r not in used and keys[r] == wanted), None)
            if hit is not None:
                pairs[t] = hit
                used.add(hit)
    result: list[tuple[int | None, int | None]] = [(t, pairs.get(t)) for t in range(len(truth))]
    return result + [(None, r) for r in range(len(review)) if r not in used]


def score_outline(truth: list[dict], review: list[dict]) -> tuple[Counts, list[dict]]:
    """The unit is a heading with an outline id: right id TP; wrong or missing id FN; an id given wrongly FP."""
    counts, errors = Counts(), []
    for t, r in match_sections(truth, review):
        expected = truth[t]["outline"] if t is not None else None
        given = review[r]["outline"] if r is not None else None
        if expected is not None and given == expected:
            counts.tp += 1
            continue
        counts.fn += expected is not None
        counts.fp += given is not None
        if expected is not None or given is not None:
            title = truth[t]["title"] if t is not None else review[r]["title"]
            errors.append(
                {"title": title, "truth": expected, "review": given, "matched": t is not None and r is not None}
            )
    return counts, errors


def _same(a: float | int | None, b: float | int | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-12)


_INDICATOR_FIELDS = ("baseline", "baseline_year", "target", "value", "year")


def score_indicators(truth: list[dict], review: list[dict], kind: str | None = None) -> tuple[int, int]:
    """(found by name, exact): exact when every value the truth states is stated equally by the review.

    A plan states no achieved value: its truth `year` is the target year, the review's `target_year`.
    """
    by_name = {normalise(i["name"]): i for i in review}
    renamed = {"year": "target_year"} if kind == "implementation_plan" else {}
    found = exact = 0
    for indicator in truth:
        got = by_name.get(normalise(indicator["name"]))
        if got is None:
            continue
        found += 1
        exact += all(
            _same(indicator[f], got.get(renamed.get(f, f))) for f in _INDICATOR_FIELDS if indicator.get(f) is not None
        )
    return found, exact


_PROJECT_FIELDS = ("investment_wan", "start", "end", "owner", "status")


def score_projects(truth: list[dict], review: list[dict]) -> tuple[int, int]:
    """(found by name, exact): exact when investment, period, owner and status agree where the truth states them."""
    by_name = {normalise(p["name"]): p for p in review}
    found = exact = 0
    for project in truth:
        got = by_name.get(normalise(project["name"]))
        if got is None:
            continue
        found += 1
        exact += all(
            (_same(project[f], got.get(f)) if isinstance(project[f], int | float) else project[f] == got.get(f))
            for f in _PROJECT_FIELDS
            if project.get(f) is not None
        )
    return found, exact


def _review_document(review: dict | None, stem: str) -> dict | None:
    if review is None:
        return None
    return next((d for d in review.get("documents", []) if Path(d["file"]).stem == stem), None)


def _score_documents(scores: Scores, park: str, truth: dict, reviews: list[dict | None]) -> None:
    """Each file once (the first package that holds it): kind, outline mapping, indicator values."""
    documents = {d["stem"]: d for d in truth["documents"]}
    seen: set[str] = set()
    for package, review in zip(truth["packages"], reviews, strict=True):
        for file in package["files"]:
            stem = Path(file).stem
            if stem in seen or stem not in documents:
                continue
            seen.add(stem)
            document, got = documents[stem], _review_document(review, stem)
            scores.kinds_total += 1
            if got is not None and got["kind"] == document["kind"]:
                scores.kinds_correct += 1
            else:
                scores.kind_errors.append(
                    {"park": park, "file": file, "truth": document["kind"], "review": got["kind"] if got else None}
                )
            if document["sections"]:
                counts, errors = score_outline(document["sections"], got["sections"] if got else [])
                scores.outline.add(counts)
                scores.outline_errors += [{"park": park, "file": file, **e} for e in errors]
            if document["indicators"]:
                facts = (review or {}).get("facts", {}).get("indicators", [])
                mine = [i for i in facts if Path(i["document"]).stem == stem]
                found, exact = score_indicators(document["indicators"], mine, document["kind"])
                scores.indicators_total += len(document["indicators"])
                scores.indicators_found += found
                scores.indicators_exact += exact
            if document.get("projects"):
                facts = (review or {}).get("facts", {}).get("projects", [])
                mine = [p for p in facts if Path(p["document"]).stem == stem]
                found, exact = score_projects(document["projects"], mine)
                scores.projects_total += len(document["projects"])
                scores.projects_found += found
                scores.projects_exact += exact


def score(truths: dict[str, dict], reviews: dict[str, list[dict | None]]) -> Scores:
    """Score the reviews of every package: `truths` maps a park folder to its truth.json, `reviews` the same
    folder to the contract JSON of each of its packages in truth order (None where the review failed;
    a failed review may instead be a dict with an "error" key)."""
    scores = Scores(rules={rule: Counts() for rule in CONTRACT_RULES}, outline=Counts())
    for park, truth in truths.items():
        park_reviews = reviews[park]
        for package, review in zip(truth["packages"], park_reviews, strict=True):
            error = None
            if review is not None and "error" in review and "findings" not in review:
                error, review = review["error"], None
            found = review["findings"] if review else []
            rules, missed, spurious = score_findings(package["findings"], found)
            for rule, counts in rules.items():
                scores.rules.setdefault(rule, Counts()).add(counts)
            stage = review["submission"]["stage"] if review else None
            scores.packages.append(
                PackageOutcome(
                    park, package["stage"], stage, missed, spurious, error or (None if review else "no review")
                )
            )
        _score_documents(scores, park, truth, [r if r and "findings" in r else None for r in park_reviews])
    return scores


# -- printing ---------------------------------------------------------------------------------


def _ratio(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def report(scores: Scores) -> str:
    """The human-readable tables."""
    width = max(len(r) for r in scores.rules) + 2
    lines = [f"{'rule':<{width}}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}"]
    for rule, c in [*scores.rules.items(), ("total", scores.totals)]:
        lines.append(f"{rule:<{width}}{c.tp:>5}{c.fp:>5}{c.fn:>5}{_ratio(c.precision):>11}{_ratio(c.recall):>8}")
    o = scores.outline
    lines += [
        "",
        f"outline mapping: TP {o.tp}  FP {o.fp}  FN {o.fn}  precision {_ratio(o.precision)}  "
        f"recall {_ratio(o.recall)}  F1 {_ratio(o.f1)}",
    ]
    rate = scores.indicators_exact / scores.indicators_total if scores.indicators_total else None
    rate_text = "—" if rate is None else f"{rate:.1%}"
    lines.append(
        f"indicator values: {scores.indicators_exact} of {scores.indicators_total} exact ({rate_text}); "
        f"{scores.indicators_found} found by name"
    )
    recall = scores.projects_found / scores.projects_total if scores.projects_total else None
    lines.append(
        f"projects: {scores.projects_found} of {scores.projects_total} found (recall "
        f"{'—' if recall is None else f'{recall:.1%}'}); {scores.projects_exact} with every field right"
    )
    stages = sum(p.review_stage == p.stage for p in scores.packages)
    lines.append(
        f"document kinds: {scores.kinds_correct} of {scores.kinds_total}; stages: {stages} of {len(scores.packages)}"
    )
    for error in scores.kind_errors[:20]:
        lines.append(f"  kind {error['park']}/{error['file']}: {error['truth']} → {error['review']}")
    wrong = [p for p in scores.packages if p.wrong]
    lines += ["", f"packages with errors: {len(wrong)} of {len(scores.packages)}"]
    for p in wrong:
        stage = p.stage if p.review_stage == p.stage else f"{p.stage} (review: {p.review_stage})"
        lines.append(f"  {p.park} {stage}")
        lines += [f"    missed   {rule} {subject}" for rule, subject in p.missed]
        lines += [f"    spurious {rule} {subject}" for rule, subject in p.spurious]
        if p.error:
            lines.append(f"    error    {p.error.strip().splitlines()[-1]}")
    return "\n".join(lines)


# -- running ----------------------------------------------------------------------------------


def ensure_corpus(folder: Path, parks: int, seed: int, *, regenerate: bool) -> float:
    """Generate the corpus into `folder` unless it is there; returns the seconds spent."""
    if folder.exists() and not regenerate:
        return 0.0
    try:
        from corpus.samples.generate import generate
    except ImportError as error:
        raise SystemExit(f"corpus.samples.generate is not available yet ({error})") from error
    start = time.perf_counter()
    staging = folder.with_name(folder.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    generate(staging, parks, seed)
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)
    return time.perf_counter() - start


def load_truths(folder: Path) -> dict[str, dict]:
    """truth.json of every park folder, by folder name."""
    return {p.parent.name: json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*/truth.json"))}


def review_package(paths: list[str], against: tuple[str, list[str]] | None = None) -> dict:
    """The contract JSON of one package, as `eipcheck review --json [--against]` gives it (or the error).
    `against` is (corpus data dir, the sources of the submissions it may be compared with)."""
    from service.review import review_paths
    from service.review_json import to_contract

    try:
        result = review_paths([Path(p) for p in paths], today=TODAY, against=_corpus_lookup(against))
        return to_contract(result).model_dump(by_alias=True)
    except Exception:
        return {"error": traceback.format_exc()}


def _corpus_lookup(against: tuple[str, list[str]] | None):
    """`review_paths`'s lookup in the corpus, limited to the parks of the given submissions."""
    if against is None:
        return None
    from sqlalchemy import bindparam, text

    from corpus.db import open_corpus
    from corpus.matches import package_matches

    corpus = open_corpus(against[0], upgrade=False)
    query = text("SELECT DISTINCT park_id FROM submissions WHERE source IN :s").bindparams(
        bindparam("s", expanding=True)
    )
    with corpus.session() as session:
        parks = [row[0] for row in session.execute(query, {"s": against[1] or [""]}) if row[0] is not None]

    def lookup(package):
        with corpus.session() as session:
            return package_matches(session, package, parks)

    return lookup


def _package_files(folder: Path, park: str, package: dict, fmt: str) -> list[str]:
    return [str(folder / park / Path(f).with_suffix(f".{fmt}")) for f in package["files"]]


def build_corpus(folder: Path, truths: dict[str, dict], fmt: str) -> Path:
    """Every package ingested, park by park (cached beside the generated corpus; ingest is idempotent)."""
    from corpus.db import open_corpus
    from service.ingest import PackageSource, ingest

    data = folder.with_name(f"{folder.name}-db-{fmt}")
    sources = [
        PackageSource(f"{park}/{package['stage']}", tuple(Path(p) for p in _package_files(folder, park, package, fmt)))
        for park, truth in truths.items()
        for package in truth["packages"]
    ]
    corpus = open_corpus(data)
    ingest(corpus, sources, today=TODAY, progress=sys.stderr.isatty())
    corpus.engine.dispose()
    return data


def run_reviews(
    folder: Path, truths: dict[str, dict], fmt: str, jobs: int, corpus: Path | None = None
) -> dict[str, list[dict]]:
    """Review every package, in `jobs` worker processes; with a corpus, each acceptance package is
    reviewed against the parks before it (integrity.near_duplicate)."""
    parks = list(truths)
    work = []
    for index, (park, truth) in enumerate(truths.items()):
        for package in truth["packages"]:
            earlier = [f"{p}/{stage}" for p in parks[:index] for stage in ("application", "acceptance")]
            against = (str(corpus), earlier) if corpus and package["stage"] == "acceptance" else None
            work.append((park, _package_files(folder, park, package, fmt), against))
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(review_package, [w[1] for w in work], [w[2] for w in work]))
    else:
        results = [review_package(paths, against) for _, paths, against in work]
    reviews: dict[str, list[dict]] = {park: [] for park in truths}
    for (park, _, _), result in zip(work, results, strict=True):
        reviews[park].append(result)
    return reviews


def main() -> None:
    """Generate or reuse the corpus, review it, score, print and write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parks", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--format", choices=("pdf", "docx"), default="pdf")
    parser.add_argument("--out", type=Path, help="corpus folder (default bench/out/corpus-p{parks}-s{seed})")
    parser.add_argument("--json", type=Path, help="default bench/out/accuracy-p{parks}-s{seed}.json")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--regenerate", action="store_true", help="generate the corpus even if it is cached")
    parser.add_argument("--self-check", action="store_true", help="verify the scoring on tiny fake data and exit")
    parser.add_argument(
        "--no-corpus", action="store_true", help="do not ingest the parks and review acceptance packages against them"
    )
    args = parser.parse_args()
    if args.self_check:
        self_check()
        return
    folder = args.out or OUT / f"corpus-p{args.parks}-s{args.seed}"
    generation = ensure_corpus(folder, args.parks, args.seed, regenerate=args.regenerate)
    truths = load_truths(folder)
    if not truths:
        raise SystemExit(f"no park-*/truth.json under {folder}")
    n_packages = sum(len(t["packages"]) for t in truths.values())
    print(f"{folder}: {len(truths)} parks, {n_packages} packages, format {args.format}", file=sys.stderr)
    start = time.perf_counter()
    corpus = None if args.no_corpus else build_corpus(folder, truths, args.format)
    ingesting = time.perf_counter() - start
    start = time.perf_counter()
    reviews = run_reviews(folder, truths, args.format, args.jobs, corpus)
    reviewing = time.perf_counter() - start
    scores = score(truths, reviews)
    print(report(scores))
    print(
        f"\ngeneration {generation:.1f} s, corpus ingest {ingesting:.1f} s, review {reviewing:.1f} s "
        f"({reviewing / n_packages:.2f} s per package, {args.jobs} jobs)"
    )
    target = args.json or OUT / f"accuracy-p{args.parks}-s{args.seed}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "corpus": str(folder),
        "parks": len(truths),
        "seed": args.seed,
        "format": args.format,
        "today": TODAY.isoformat(),
        "timings": {"generation_s": generation, "ingest_s": ingesting, "review_s": reviewing, "jobs": args.jobs},
        **scores.to_json(),
    }
    target.write_text(json.dumps(payload, ensure_ascii=False, indent=2), "utf-8")
    print(f"wrote {target}", file=sys.stderr)


# -- self-check -------------------------------------------------------------------------------


def _finding(rule: str, subject: str) -> dict:
    return {"rule": rule, "subject": subject}


def self_check() -> None:
    """The scoring on tiny hand-made truth and review dicts, against numbers worked out by hand."""
    truth = {
        "documents": [
            {
                "stem": "验收报告",
                "kind": "acceptance_report",
                "sections": [
                    {"title": "第一章 园区概况", "outline": "report.1"},
                    {"title": "第一节 基本情况", "outline": "report.1.1"},
                    {"title": "第二节 经济状况", "outline": "report.1.2"},
                    {"title": "第二章 评价时段", "outline": "report.2"},
                    {"title": "第三章 结论", "outline": None},
                    {"title": "第四章 附表", "outline": None},
                ],
                "indicators": [
                    {
                        "name": "工业用水重复利用率",
                        "unit": "%",
                        "baseline": None,
                        "baseline_year": None,
                        "target": 92.0,
                        "value": 92.6,
                        "year": 2024,
                    },
                    {
                        "name": "单位工业增加值综合能耗",
                        "unit": "吨标煤/万元",
                        "baseline": None,
                        "baseline_year": None,
                        "target": None,
                        "value": 0.41,
                        "year": 2024,
                    },
                ],
            },
            {"stem": "实施方案", "kind": "implementation_plan", "sections": [], "indicators": []},
        ],
        "packages": [
            {
                "stage": "acceptance",
                "files": ["acceptance/验收报告.pdf", "application/实施方案.pdf"],
                "findings": [
                    {"rule": "outline.missing_section", "kind": "acceptance_report", "subject": "report.1.4"},
                    {"rule": "integrity.foreign_park_name", "kind": None, "subject": "临江 经济技术开发区"},
                    {"rule": "integrity.foreign_park_name", "kind": None, "subject": "东山工业园区"},
                ],
            },
            {"stage": "application", "files": ["application/实施方案.pdf"], "findings": []},
        ],
    }
    review_sections = [
        {"title": "第一章园区概况", "outline": "report.1"},  # TP (spaces lost)
        {"title": "（一）基本情况", "outline": "report.1.2"},  # matched without numbers: FN + FP
        {"title": "第二章 评价时段", "outline": None},  # FN
        {"title": "第三章 结论", "outline": "report.5"},  # FP: the truth says None
        {"title": "第四章 附表", "outline": None},  # nothing
        {"title": "表3-1 指标", "outline": "report.3"},  # FP: no such heading
    ]  # 第二节 经济状况 absent: FN
    acceptance = {
        "submission": {"stage": "acceptance"},
        "documents": [
            {"file": "验收报告.pdf", "kind": "acceptance_report", "sections": review_sections},
            {"file": "实施方案.pdf", "kind": "acceptance_report", "sections": []},
        ],
        "facts": {
            "indicators": [
                {
                    "document": "验收报告.pdf",
                    "name": "工业用水重复利用率",
                    "target": 92.0,
                    "value": 92.6000000001,
                    "year": 2024,
                },
                {"document": "验收报告.pdf", "name": "单位工业增加值综合能耗", "value": 0.42},
            ]
        },
        "findings": [
            _finding("outline.missing_section", "report.1.4"),
            _finding("outline.missing_section", "report.1.4"),  # duplicate: FP
            _finding("integrity.foreign_park_name", "临江经济技术开发区"),  # TP after normalising
            _finding("standard.not_met", "可再生能源使用比例"),  # FP, a rule the truth does not use
        ],
    }
    application = {"submission": {"stage": "unknown"}, "documents": [], "facts": {}, "findings": []}
    scores = score({"park-01": truth}, {"park-01": [acceptance, application]})
    rules = scores.rules
    assert (rules["outline.missing_section"].tp, rules["outline.missing_section"].fp) == (1, 1)
    assert (rules["integrity.foreign_park_name"].tp, rules["integrity.foreign_park_name"].fn) == (1, 1)
    assert (rules["standard.not_met"].fp, rules["standard.not_met"].precision) == (1, 0.0)
    assert rules["timeline.eia_outdated"].precision is None and rules["timeline.eia_outdated"].recall is None
    total = scores.totals
    assert (total.tp, total.fp, total.fn) == (2, 2, 1), total
    outline = scores.outline
    assert (outline.tp, outline.fp, outline.fn) == (1, 3, 3), outline
    assert abs(outline.f1 - 2 * 0.25 * 0.25 / 0.5) < 1e-12
    assert (scores.indicators_total, scores.indicators_found, scores.indicators_exact) == (2, 2, 1)
    assert (scores.kinds_total, scores.kinds_correct) == (2, 1)
    wrong = [p for p in scores.packages if p.wrong]
    assert [(p.stage, p.review_stage) for p in wrong] == [("acceptance", "acceptance"), ("application", "unknown")]
    assert wrong[0].missed == [("integrity.foreign_park_name", "东山工业园区")]
    assert sorted(wrong[0].spurious) == [
        ("outline.missing_section", "report.1.4"),
        ("standard.not_met", "可再生能源使用比例"),
    ]
    failed = score({"park-01": truth}, {"park-01": [{"error": "Traceback…\nValueError: boom"}, None]})
    assert failed.totals.fn == 3 and failed.kinds_correct == 0 and failed.outline.fn == 4
    assert failed.packages[0].error.endswith("boom")
    json.dumps(scores.to_json(), ensure_ascii=False)
    print(report(scores))
    print("\nself-check ok")


if __name__ == "__main__":
    main()
