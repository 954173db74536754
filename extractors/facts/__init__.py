"""Facts from a parsed document: indicators, projects, tasks, dates, identity, compliance statements."""
