"""Checks of the procedure's dates (第十条(四), 第十三条)."""
