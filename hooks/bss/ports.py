"""Is a port free to listen on? Asked before a long build, so that a taken port is said at once,
with the option that chooses another, instead of as a traceback once the build is done."""
from __future__ import annotations

import socket


def taken(host: str, port: int) -> str | None:
    """Why nothing can listen on ``host:port`` now (the system's words), or None if it is free."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the servers themselves bind
            probe.bind((host, port))
    except OSError as exc:
        return exc.strerror or str(exc)
    return None
