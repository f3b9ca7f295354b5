"""A real redis-server from Debian on a free loopback port, for the room tests and the bench.

Started like nginx in tests/browser/harness.py: its own process group, output to a
log file, nothing written to disk by Redis itself (--save '' --appendonly no).
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from tests.browser.harness import ManagedProcess, ServerStartError, _spawn, free_port, missing_tool

REDIS_SERVER = "redis-server"


def require_redis() -> str:
    path = shutil.which(REDIS_SERVER) or ("/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None)
    if path is None:
        missing_tool("redis-server not found: apt-get install -y redis-server")
    assert path is not None
    return path


@dataclass
class RedisServer(ManagedProcess):
    port: int = 0

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


def start_redis(log_dir: Path, *, startup_timeout: float = 10) -> RedisServer:
    binary = require_redis()
    log_dir.mkdir(parents=True, exist_ok=True)
    last = ""
    for _attempt in range(3):
        port = free_port()
        argv = [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(log_dir),
        ]
        managed = _spawn(argv, env={"PATH": "/usr/bin:/bin"}, cwd=log_dir, log_path=log_dir / f"redis-{port}.log")
        server = RedisServer(process=managed.process, log_path=managed.log_path, port=port)
        deadline = time.monotonic() + startup_timeout
        while time.monotonic() < deadline and server.is_running():
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    return server
            time.sleep(0.05)
        last = server.output()
        server.stop()
        if "Address already in use" not in last:
            break
    raise ServerStartError(f"redis-server did not start.\n{last}")
