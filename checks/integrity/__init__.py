"""Checks for signs of copied or falsified material (第十二条 真实性, 第二十八条(三))."""
