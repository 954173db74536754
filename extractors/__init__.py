"""File → document: readers for PDF and DOCX, segmentation into sections, annex outline mapping,
document kinds and form fields. Extractors know nothing of checks or storage.
"""
