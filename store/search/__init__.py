"""Provides the in-memory search of a snapshot: keys, query language, ranking, typos, highlights."""
