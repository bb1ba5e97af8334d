"""Provides the git layer: the only code that builds a git command line or parses git output.

One runner (:mod:`store.git.runner`) starts git with the whole safety policy
(:mod:`store.git.policy`); the other modules are small named questions
grouped by what they do: ``refs``, ``repo``, ``plumbing`` (the one ls-tree
parser), ``diff`` (the one tree-change type), ``trees``, ``commit`` (the one
commit-tree), ``fastimport`` (the measured save path), ``merging``,
``network`` (clone, fetch, push with progress), ``signatures``, ``log``,
``listing``, ``catfile``. Callers outside this package use those, never
:func:`run` itself (tests/test_store/test_git_layer.py).
"""

from store.git.runner import (
    SAFE_CONFIG,
    Completed,
    GitEnv,
    Process,
    RunOptions,
    environment,
    filter_overrides,
    run,
    spawn,
    stream,
    text,
)

__all__ = [
    "SAFE_CONFIG", "Completed", "GitEnv", "Process", "RunOptions", "environment", "filter_overrides", "run", "spawn",
    "stream", "text",
]
