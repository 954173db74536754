"""Checks of reported values against the 《标准》 (第十八条(二))."""
