"""`madoguchi run`: start Rasa (when set up) and the app; Ctrl-C stops both."""

from __future__ import annotations

import logging
import os
import secrets
import signal
import subprocess
from pathlib import Path

from .settings import PROJECT_ROOT, Settings

logger = logging.getLogger(__name__)
RASA_SCRIPT = PROJECT_ROOT / "scripts" / "run_rasa.sh"
RASA_MODEL = PROJECT_ROOT / "bot" / "models" / "madoguchi.tar.gz"


def rasa_available() -> bool:
    return RASA_SCRIPT.exists() and RASA_MODEL.exists() and (PROJECT_ROOT / ".venv-rasa" / "bin" / "rasa").exists()


def start_rasa(settings: Settings, app_url: str) -> subprocess.Popen[bytes]:
    """Run Rasa in its own process group so that stopping it stops its workers too."""
    env = {**os.environ, "MADOGUCHI_APP_URL": app_url, "RASA_TELEMETRY_ENABLED": "false",
           "MADOGUCHI_RASA_URL": settings.rasa_url,
           "MADOGUCHI_RASA_TOKEN": settings.rasa_token.get_secret_value()}
    return subprocess.Popen([str(RASA_SCRIPT)], env=env, start_new_session=True)


def stop(process: subprocess.Popen[bytes] | None) -> None:
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def run_all(settings: Settings, *, with_rasa: bool = True) -> None:
    import uvicorn

    if not settings.rasa_token.get_secret_value():
        # One token per run, shared by the app and Rasa, so Rasa's API is never open.
        os.environ["MADOGUCHI_RASA_TOKEN"] = secrets.token_urlsafe(24)
        settings = settings.model_copy(update={"rasa_token": Settings().rasa_token})
    app_url = f"http://{_client_host(settings.host)}:{settings.port}"
    rasa = start_rasa(settings, app_url) if with_rasa and rasa_available() else None
    if rasa is not None:
        os.environ["MADOGUCHI_REQUIRE_RASA"] = "true"  # the app's /readyz then waits for Rasa too
    if with_rasa and rasa is None:
        logger.warning("Rasa is not set up (run `make setup`); answering from the FAQ index only")
    _print_urls(app_url, rasa is not None)
    try:
        uvicorn.run("app.main:create_app", factory=True, host=settings.host, port=settings.port,
                    log_level=settings.log_level.lower(), access_log=False)
    finally:
        stop(rasa)


def _client_host(host: str) -> str:
    return "127.0.0.1" if host in ("0.0.0.0", "::", "") else host


def _print_urls(app_url: str, rasa: bool) -> None:
    lines = [
        "madoguchi is starting:",
        f"  demo city page + chat    {app_url}/",
        f"  FAQ search               {app_url}/api/faq/search?q=住民票",
        f"  counter tablet           {app_url}/counter",
        f"  API docs                 {app_url}/docs",
        f"  admin                    {app_url}/admin  (first user: .venv/bin/madoguchi admin create-user NAME)",
        f"  health                   {app_url}/healthz  {app_url}/readyz",
        f"  dialogue                 {'Rasa' if rasa else 'FAQ index only (Rasa not set up)'}",
        "Press Ctrl-C to stop.",
    ]
    print("\n".join(lines), flush=True)  # noqa: T201 - the operator console


def data_dir_exists(path: Path) -> bool:
    return (path / "faq").is_dir()
