"""Provides the git layer: the only code that builds a git command line or parses git output."""

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
    text,
)

__all__ = [
    "SAFE_CONFIG", "Completed", "GitEnv", "Process", "RunOptions", "environment", "filter_overrides", "run", "spawn",
    "text",
]
