"""Completeness inside documents: the tables, maps and statements 附件1 and 附件3 三 ask for."""
