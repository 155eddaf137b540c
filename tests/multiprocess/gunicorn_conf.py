"""gunicorn settings of the multi-process test server (``-c python:tests.multiprocess...``).

Relying on the kernel to spread connections over the workers is not enough: on a busy machine
one warm worker can take every connection. Two headers let a test choose instead:

- RETIRE_HEADER makes the worker that answered exit once the response is sent; the arbiter
  starts a new one in its place. A test that retires a worker part-way through a series of
  attempts knows the rest were answered by other processes, which never saw the first ones:
  proof that what held was shared state, not one lucky worker's memory.
- HOLD_HEADER makes the worker wait that many seconds (at most MAX_HOLD) before answering. A
  sync worker answers one request at a time, so WORKERS requests sent at once, each held, are
  answered by WORKERS different processes: every worker has seen the page, none retired (a
  new worker would start with an empty memory and hide a per-process cache).
"""

import time

RETIRE_HEADER = "X-Test-Retire-Worker"
HOLD_HEADER = "X-Test-Hold-Seconds"
MAX_HOLD = 5.0


def _environ_key(header: str) -> str:
    return "HTTP_" + header.upper().replace("-", "_")


def pre_request(worker, req):
    for name, value in req.headers:
        if name == HOLD_HEADER.upper():
            try:
                seconds = min(float(value), MAX_HOLD)
            except ValueError:
                return
            time.sleep(max(seconds, 0.0))


def post_request(worker, req, environ, resp):
    if environ.get(_environ_key(RETIRE_HEADER)):
        worker.alive = False
