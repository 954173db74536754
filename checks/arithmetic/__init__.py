"""Checks that stated totals follow from their rows (第十八条(六) 计算结果的准确性)."""
