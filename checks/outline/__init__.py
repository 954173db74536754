"""Checks of a document against its annex outline (附件1, 附件3)."""
