"""The accuracy benchmark's scoring math, on hand-computed examples (bench/accuracy.py --self-check)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "accuracy.py"


def _load():
    spec = importlib.util.spec_from_file_location("bench_accuracy", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def test_scoring_matches_hand_computed_counts():
    _load().self_check()  # raises AssertionError on any miscount


def test_subjects_compare_without_spaces_or_width_differences():
    accuracy = _load()
    assert accuracy.normalise("表4-1 支撑项目表") == accuracy.normalise("表４－１支撑项目表")
