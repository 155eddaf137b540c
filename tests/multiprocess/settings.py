"""The production settings (lms/settings.py, DEBUG off in the environment), with one change:
a cheap password hasher, so that the sign-in limits can be tested with dozens of attempts on a
loaded machine. Everything the tests are about (cache, limits, pages) is unchanged."""

from lms.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
