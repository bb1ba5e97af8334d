"""Provides the fixtures of the hook tests: a ``git daemon`` serving bare commons on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import time

import pytest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def daemon(tmp_path_factory):
    """A ``git daemon`` on 127.0.0.1 (free port, receive-pack enabled), stopped at the end."""
    base = tmp_path_factory.mktemp("served")
    port = _free_port()
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)
    process = subprocess.Popen(
        ["git", "daemon", "--reuseaddr", f"--base-path={base}", "--export-all", "--enable=receive-pack",
         "--listen=127.0.0.1", f"--port={port}", str(base)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("git daemon n'a pas démarré")
            time.sleep(0.05)
    yield base, port
    process.terminate()
    process.wait(timeout=10)
