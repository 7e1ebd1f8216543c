"""Which requests the local servers (the editor of ``make edit``, the live preview of ``make serve``)
answer: only those that name them by the loopback address they were started on.

Listening on 127.0.0.1 is not enough. A web page open in the same browser can point a name of its
own at 127.0.0.1 (DNS rebinding) and then read, as its own origin, what the servers answer:
unpublished drafts, the list of problems, the editor's files. Its requests carry its own name as
``Host``, so a server that answers only its own names (421 otherwise) gives it nothing.
"""
from __future__ import annotations

ALIASES = ({"127.0.0.1", "localhost"}, {"[::1]", "localhost"})  # names that reach the same loopback address


def own_hosts(host: str, port: int) -> frozenset[str]:
    """The ``Host`` values a server listening on ``host``:``port`` answers (lower case)."""
    name = (f"[{host}]" if ":" in host else host).lower()
    names = {name}.union(*(group for group in ALIASES if name in group))
    return frozenset(f"{n}:{port}" for n in names)


def is_own_host(header: str | None, host: str, port: int) -> bool:
    """Whether a request's ``Host`` header names the server listening on ``host``:``port``."""
    return (header or "").strip().lower() in own_hosts(host, port)
