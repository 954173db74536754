"""Checks for major adjustments not reported (第十四条)."""
