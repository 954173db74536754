"""Checks of the two forms' fields (附件2 创建备案表, 附件4 验收申请表): filled, ticked once, well-formed."""
