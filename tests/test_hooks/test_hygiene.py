"""Tests that the hook entry points stay fast to start: no Textual, no CLI, loaded on demand."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT


def test_hooks_import_no_textual():
    """Importing every hook module loads neither textual nor the command line."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import hooks.run, hooks.pre_commit, hooks.commit_msg, hooks.pre_merge_commit, hooks.pre_receive,"
        " hooks.merge_driver, hooks.install, store.remotes;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tui')];"
        "assert not bad, bad; assert hooks.__file__.startswith(sys.argv[1]), hooks.__file__"
    )
    done = subprocess.run([sys.executable, "-I", "-c", code, str(REPO_ROOT)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_commit_msg_hook_loads_no_pydantic():
    """The commit-msg hook only needs the text policy: it starts without pydantic."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import hooks.run, hooks.commit_msg;"
        "assert 'pydantic' not in sys.modules"
    )
    done = subprocess.run([sys.executable, "-I", "-c", code, str(REPO_ROOT)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
