"""gunicorn settings of the multi-process test server (``-c python:tests.multiprocess...``).

A request carrying RETIRE_HEADER makes the worker that answered it exit once the response is
sent; the arbiter starts a new one in its place. A test that retires a worker part-way through
a series of attempts knows the rest were answered by other processes, which never saw the
first ones: proof that what held was shared state, not one lucky worker's memory. (Relying on
the kernel to spread connections over the workers is not enough: on a busy machine one warm
worker can take every connection.)
"""

RETIRE_HEADER = "X-Test-Retire-Worker"
_RETIRE_ENVIRON_KEY = "HTTP_" + RETIRE_HEADER.upper().replace("-", "_")


def post_request(worker, req, environ, resp):
    if environ.get(_RETIRE_ENVIRON_KEY):
        worker.alive = False
