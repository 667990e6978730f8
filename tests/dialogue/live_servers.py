"""Start the real app and the real Rasa server on loopback for end-to-end tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "bot" / "models" / "madoguchi.tar.gz"
RASA = ROOT / ".venv-rasa" / "bin" / "rasa"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(check: Callable[[], bool], *, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.5)
    raise TimeoutError(f"{what} did not become ready within {timeout_s}s")


def closed_now_data_dir(tmp: Path) -> Path:
    """A copy of data/ whose office is closed today and open only the day after tomorrow."""
    data = tmp / "data"
    shutil.copytree(ROOT / "data", data)
    opens = WEEKDAYS[(date.today() + timedelta(days=2)).weekday()]
    office = (data / "office.yaml").read_text(encoding="utf-8")
    head, _, tail = office.partition("hours:")
    rest = tail.split("national_holidays:", 1)[1]
    (data / "office.yaml").write_text(
        f'{head}hours:\n  {opens}: "08:30-17:15"\nnational_holidays:{rest}', encoding="utf-8")
    return data


def _ok(url: str, **params: str) -> bool:
    try:
        return httpx.get(url, params=params, timeout=1.0).status_code == 200
    except httpx.HTTPError:
        return False


class LiveServers:
    def __init__(self, tmp: Path) -> None:
        self.app_port, self.rasa_port = free_port(), free_port()
        self.token = "test-token-" + str(self.rasa_port)
        self.app_url = f"http://127.0.0.1:{self.app_port}"
        self.rasa_url = f"http://127.0.0.1:{self.rasa_port}"
        self.env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false",
                    "MADOGUCHI_DATA_DIR": str(closed_now_data_dir(tmp)),
                    "MADOGUCHI_VAR_DIR": str(tmp / "var"), "MADOGUCHI_LENIENT_DATA": "true",
                    "MADOGUCHI_RASA_URL": self.rasa_url, "MADOGUCHI_RASA_TOKEN": self.token,
                    "MADOGUCHI_RASA_TIMEOUT_S": "15", "MADOGUCHI_APP_URL": self.app_url}
        self.app: subprocess.Popen[bytes] | None = None
        self.rasa: subprocess.Popen[bytes] | None = None
        self.log = (tmp / "servers.log").open("wb")

    def start(self) -> None:
        self.app = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "python"), "-m", "uvicorn", "app.main:create_app",
             "--factory", "--host", "127.0.0.1", "--port", str(self.app_port)],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        self.rasa = subprocess.Popen([str(ROOT / "scripts" / "run_rasa.sh")], cwd=ROOT, env=self.env,
                                     stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for(lambda: _ok(self.app_url + "/healthz"), timeout_s=60, what="app")
        wait_for(lambda: _ok(self.rasa_url + "/status", token=self.token), timeout_s=420, what="Rasa")

    def kill_rasa(self) -> None:
        if self.rasa is not None and self.rasa.poll() is None:
            os.killpg(self.rasa.pid, 9)
            self.rasa.wait(timeout=10)

    def stop(self) -> None:
        self.kill_rasa()
        if self.app is not None and self.app.poll() is None:
            self.app.terminate()
            self.app.wait(timeout=10)
        self.log.close()
