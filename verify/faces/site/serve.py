"""Serve a built site over http on 127.0.0.1 only (the tests and ``verify site --serve``)."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # a test run or a terminal needs no access log
        pass


def make_server(root: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """An http server for ``root`` bound to 127.0.0.1 (port 0: any free port)."""
    handler = functools.partial(_Quiet, directory=str(root))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


def serve_in_thread(root: Path, port: int = 0):
    """Start serving in a daemon thread; returns (server, base URL). Call server.shutdown() to stop."""
    srv = make_server(root, port)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, f"http://127.0.0.1:{srv.server_address[1]}/"
