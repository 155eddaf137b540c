"""Calls made at the same moment from several threads, as several gunicorn workers make them.

Each call runs in its own thread (Django gives it its own database connection, closed when it
ends); a barrier releases them together. Tests that use it need real transactions
(``@pytest.mark.django_db(transaction=True)``).
"""

import threading

from django.db import connection

BARRIER_SECONDS = 10
JOIN_SECONDS = 30


def at_once(*calls):
    """Runs each of ``calls`` (callables without arguments) in its own thread, all released at
    once; returns their results in the same order. The first exception raised by a call is
    raised here, once every thread has ended."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)
    errors = []

    def run(index, call):
        try:
            barrier.wait(timeout=BARRIER_SECONDS)
            results[index] = call()
        except BaseException as error:  # noqa: BLE001 — raised again in the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=JOIN_SECONDS)
    if errors:
        raise errors[0]
    return results
