"""Provides a command prefix under which file permissions bind, even when the tests run as root (as in CI).

Root passes a ``chmod 0555`` folder because it holds the capabilities
``CAP_DAC_OVERRIDE`` (and ``CAP_DAC_READ_SEARCH``, ``CAP_FOWNER``). Run
under ``setpriv`` with those dropped from the bounding set, root and every
process it starts (git, the editor) are refused exactly like a user, so the
read-only tests run — and can fail — everywhere instead of being skipped.
"""

from __future__ import annotations

import os
import shutil

DROPPED = "-dac_override,-dac_read_search,-fowner,-linux_immutable"


def prefix() -> list[str]:
    """Return the words to put before a command so that permissions bind it ([] for a normal user)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    assert setpriv, "setpriv (util-linux) is needed to test permissions as root"
    return [setpriv, f"--bounding-set={DROPPED}", "--"]
