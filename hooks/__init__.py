"""Provides the git hooks and the record merge driver: thin, fast entry points over records and store."""
