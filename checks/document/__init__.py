"""Checks of a document as a whole, whatever its kind (pages that could not be reviewed)."""
