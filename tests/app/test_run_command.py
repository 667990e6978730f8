"""`madoguchi run` (what `make run` starts) serves the app and stops cleanly on Ctrl-C."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.integration


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_run_serves_search_prints_urls_and_stops_on_ctrl_c(mini_data_dir: Path, tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "MADOGUCHI_PORT": str(port), "MADOGUCHI_DATA_DIR": str(mini_data_dir),
           "MADOGUCHI_VAR_DIR": str(tmp_path)}
    process = subprocess.Popen([sys.executable, "-m", "app", "run", "--without-rasa"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        body = httpx.get(f"{base}/api/faq/search", params={"q": "住民票がほしい"}, timeout=5).json()
        assert body["hits"][0]["id"] == "juminhyo-utsushi"
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    assert f"http://127.0.0.1:{port}/docs" in output
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
