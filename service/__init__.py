"""Wiring: the CLI, the API and (later) the job runner and web UI. Only this package decides exit
codes, HTTP statuses and the wording of errors.
"""
