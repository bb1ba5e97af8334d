"""Provides the benchmark of traam: a synthetic commons generator and the measures (scripts, not tests)."""
