"""Checks of the word limits printed in the forms (附件2, 附件4)."""
