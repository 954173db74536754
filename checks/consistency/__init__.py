"""Checks between the 实施方案 and the 验收报告 (附件3 三、四; 第十八条(三))."""
