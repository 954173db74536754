"""Fuzz the readers with mutated real files: no input may crash, hang or kill the reader.

Seeds are the real-world files (../shared/realworld: PDF and DOCX from other projects' bug
reports) and the generated sample corpus (bench/out/corpus-*). Each case mutates one seed (bytes
flipped, zeroed, cut, a chunk dropped or repeated; for a DOCX, one XML part damaged and the zip
rebuilt, so the damage reaches the XML parser rather than stopping at the zip's CRC) and reads it
with `read_document` in a forked child under a time limit. Outcomes:
  read        a document came out
  unreadable  refused with a reason (what damaged input should get)
  internal    the reader's last line of defence caught an exception: a bug of ours
  died        the child was killed by a signal (a crash in C code) or exited abnormally
  hang        still running after --timeout seconds
Cases that end internal/died/hang are saved under bench/out/fuzz/ for a regression test.

Usage: python bench/fuzz.py [--cases 300] [--seed 1] [--timeout 60]
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import random
import zipfile
from collections import Counter
from pathlib import Path

from extractors.facts.nlp import pipeline
from extractors.model import DocumentKind
from extractors.reader import INTERNAL_ERROR, read_document

ROOT = Path(__file__).resolve().parent
REALWORLD = ROOT.parent.parent / "shared" / "realworld"
OUT = ROOT / "out"
BAD = ("internal", "died", "hang")


def seeds() -> list[Path]:
    """PDF and DOCX files to mutate, real-world first, then at most 40 generated ones."""
    real = sorted(p for p in REALWORLD.rglob("*") if p.suffix.lower() in (".pdf", ".docx"))
    generated = sorted(p for p in OUT.glob("corpus-*/park-*/*/*") if p.suffix in (".pdf", ".docx"))
    return real + generated[:40]


def _bytes_mutation(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    buffer = bytearray(data)
    kind = rng.choice(["flip", "zero", "cut", "drop", "repeat"])
    at = rng.randrange(len(buffer))
    span = rng.randint(1, max(1, min(4096, len(buffer) // 10)))
    if kind == "flip":
        for _ in range(rng.randint(1, 32)):
            buffer[rng.randrange(len(buffer))] ^= 1 << rng.randrange(8)
    elif kind == "zero":
        buffer[at : at + span] = bytes(len(buffer[at : at + span]))
    elif kind == "cut":
        del buffer[at:]
    elif kind == "drop":
        del buffer[at : at + span]
    else:
        buffer[at:at] = buffer[at : at + span] * rng.randint(2, 50)
    return kind, bytes(buffer)


def _docx_part_mutation(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """Damage one XML part of a DOCX and rebuild the zip with valid CRCs."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        items = [(item, source.read(item)) for item in source.infolist()]
    xml = [i for i, (item, _) in enumerate(items) if item.filename.endswith((".xml", ".rels"))]
    index = rng.choice(xml)
    kind, damaged = _bytes_mutation(items[index][1], rng)
    items[index] = (items[index][0], damaged)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item, payload in items:
            target.writestr(item.filename, payload)
    return f"part:{items[index][0].filename}:{kind}", out.getvalue()


def mutate(path: Path, rng: random.Random) -> tuple[str, bytes]:
    """One mutation of a seed file, and its description."""
    data = path.read_bytes()
    if not data:
        return "empty", data
    if data[:4] == b"PK\x03\x04" and rng.random() < 0.6:
        try:
            return _docx_part_mutation(data, rng)
        except (zipfile.BadZipFile, ValueError, IndexError):
            pass
    return _bytes_mutation(data, rng)


def _child(name: str, data: bytes, conn) -> None:
    document = read_document(data, name)
    if document.kind == DocumentKind.UNREADABLE:
        conn.send("internal" if INTERNAL_ERROR in (document.error or "") else "unreadable")
    else:
        conn.send("read")


def run_case(name: str, data: bytes, timeout: float) -> str:
    """Read one input in a forked child; the outcome as in the module docstring."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(name, data, sender))
    child.start()
    sender.close()
    outcome = receiver.recv() if receiver.poll(timeout) else None
    child.join(5 if outcome else 0.1)
    if child.is_alive():
        child.kill()
        child.join()
        return outcome or "hang"
    if outcome is None:
        return "died"
    return outcome


def main() -> None:
    """Run the cases, print the outcome table and save the bad cases."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    files = seeds()
    pipeline()  # jieba and spaCy loaded once, inherited by every forked case
    outcomes: Counter[str] = Counter()
    bad_dir = OUT / "fuzz"
    for case in range(args.cases):
        seed = rng.choice(files)
        mutation, data = mutate(seed, rng)
        outcome = run_case(seed.name, data, args.timeout)
        outcomes[outcome] += 1
        if outcome in BAD:
            bad_dir.mkdir(parents=True, exist_ok=True)
            saved = bad_dir / f"{outcome}-{case:04d}-{mutation.replace('/', '_').replace(':', '_')}{seed.suffix}"
            saved.write_bytes(data)
            print(f"{outcome}: case {case} from {seed.name} ({mutation}) saved as {saved.name}", flush=True)
    print(f"{args.cases} cases from {len(files)} seeds (seed {args.seed})")
    print("| outcome | cases |\n| --- | ---: |")
    for name in ("read", "unreadable", *BAD):
        print(f"| {name} | {outcomes[name]} |")


if __name__ == "__main__":
    main()
