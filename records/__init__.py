"""Provides the TraAM domain: models, vocabularies, TOML codec, rules, diff and merge.

This package is pure: it imports neither git nor Textual.
"""
