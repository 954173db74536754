"""The corpus of past submissions: persistence, search, similarity, and the sample generator."""
