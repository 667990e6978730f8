"""A throwaway PostgreSQL server for the storage tests: initdb in a temporary folder, loopback only.

The server binaries come from PATH or Debian's /usr/lib/postgresql/<version>/bin (package
``postgresql``, which .ci/run installs). initdb and postgres refuse to run as root, so as root
the cluster belongs to the ``postgres`` system user (created by the Debian package), or to a
``madoguchi-pg`` system user created here. Each test gets a fresh database in that cluster.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

psycopg = pytest.importorskip("psycopg", reason="the PostgreSQL driver (psycopg) is not installed")

SUPERUSER = "madoguchi"
COMMAND_TIMEOUT_S = 60


@dataclass(frozen=True)
class Cluster:
    port: int

    def url(self, database: str, *, driver: str = "postgresql+psycopg") -> str:
        return f"{driver}://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def admin_sql(self, statement: str) -> None:
        with psycopg.connect(self.url("postgres", driver="postgresql"), autocommit=True, connect_timeout=10) as conn:
            conn.execute(statement)


def server_bin_dir() -> Path | None:
    """The folder with initdb, pg_ctl and postgres: PATH first, else the newest Debian install."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl") and shutil.which("postgres"):
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


def _owner() -> str | None:
    """The user that runs the server: ourselves, or a system user when we are root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "madoguchi-pg"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "madoguchi-pg"],
                   check=True, timeout=COMMAND_TIMEOUT_S)
    return "madoguchi-pg"


def _run(command: list[str], owner: str | None) -> None:
    prefix = ["runuser", "-u", owner, "--"] if owner else []
    result = subprocess.run(prefix + command, capture_output=True, text=True, timeout=COMMAND_TIMEOUT_S)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:2])} failed ({result.returncode}): {result.stdout}{result.stderr}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _server_options(port: int, socket_dir: Path) -> str:
    # Loopback and a private socket folder only; durability is not needed for a throwaway cluster.
    return (f"-p {port} -k {socket_dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB -c max_connections=60")


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    bin_dir = server_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in "
                    "/usr/lib/postgresql/*/bin: install the Debian package 'postgresql'")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        pytest.skip("running as root without runuser: cannot start PostgreSQL as a non-root user")
    owner = _owner()
    root = Path(tempfile.mkdtemp(prefix="madoguchi-pg-"))
    data, socket_dir, log = root / "data", root / "sock", root / "server.log"
    socket_dir.mkdir()
    if owner:
        for path in (root, socket_dir):
            shutil.chown(path, user=owner)
    pg_ctl = str(bin_dir / "pg_ctl")
    try:
        _run([str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
              "--encoding=UTF8", "--locale=C", "--no-sync"], owner)
        port = _free_port()
        _run([pg_ctl, "-D", str(data), "-l", str(log), "-w", "-t", "30",
              "-o", _server_options(port, socket_dir), "start"], owner)
        try:
            yield Cluster(port)
        finally:
            _run([pg_ctl, "-D", str(data), "-m", "fast", "-w", "-t", "30", "stop"], owner)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(postgres_cluster: Cluster) -> Iterator[str]:
    """A fresh, empty database for one test (SQLAlchemy URL with the psycopg driver)."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    postgres_cluster.admin_sql(f"CREATE DATABASE {name}")
    yield postgres_cluster.url(name)
    postgres_cluster.admin_sql(f"DROP DATABASE {name} WITH (FORCE)")
