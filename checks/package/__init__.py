"""Checks of the package as a whole: the documents 第十条 and 第十六条 require."""
