"""Peak memory of the full review of a ~500-page report (goal: under 1 GiB).

Builds the report once (cached in bench/out/, same generator as bench/speed.py), reviews it in a
child process and samples the resident memory of that process and of its page workers every
20 ms: the figure is the largest sum seen, i.e. what the machine had to hold at once. Also prints
the kernel's own peaks (ru_maxrss) of the review process and of its largest worker, and the time.

Usage: python bench/memory.py [--pages 500]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from speed import build_document  # a sibling script, not a package

GOAL = 2**30
CHILD = """
import resource
import sys
from datetime import date
from pathlib import Path
from service.review import review_paths
result = review_paths([Path(sys.argv[1])], today=date(2026, 12, 1))
document = result.submission.documents[0]
print(document.kind, document.pages, document.chars, len(result.findings))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (0 once it is gone)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm") as statm:
                total += int(statm.read().split()[1]) * resource.getpagesize()
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return total


def main() -> None:
    """Build the report if needed, review it in a child and print peak memory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500)
    args = parser.parse_args()
    path = build_document("report", args.pages)
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True)
    peak = 0
    while child.poll() is None:
        peak = max(peak, _tree_rss(child.pid))
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    out, maxrss = (child.stdout.read() if child.stdout else "\n").strip().splitlines()
    own, worker = (int(k) * 1024 for k in maxrss.split())
    largest = max(own, worker)
    print(f"{path.name}: {out} (kind, pages, chars, findings); exit {child.returncode}; {seconds:.1f} s")
    print("| measure | MiB |\n| --- | ---: |")
    print(f"| peak resident, review process + page workers (sampled every 20 ms) | {peak / 2**20:.0f} |")
    print(f"| review process peak (ru_maxrss) | {own / 2**20:.0f} |")
    print(f"| largest page worker peak (ru_maxrss) | {worker / 2**20:.0f} |")
    print(f"goal < {GOAL // 2**20} MiB: {'met' if max(peak, largest) < GOAL else 'MISSED'}")


if __name__ == "__main__":
    main()
