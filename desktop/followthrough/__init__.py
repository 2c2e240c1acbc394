"""Follow-Through: everything after the job interview, kept on time."""

import sys
from importlib.util import find_spec

__version__ = "0.1.0"

APP_NAME = "Follow-Through"
APP_ID = "followthrough"
ORGANIZATION = "Follow-Through"

# The few hashes the app makes (Peewee's index names, the instance lock's name) come from
# Python's own md5 and sha: loading OpenSSL's libcrypto for them costs 3.3 MB of memory
# in every session (the bundle leaves it out as well). Only where Python has its own: some
# builds make md5 and sha256 with OpenSSL alone.
if (
    "_hashlib" not in sys.modules
    and find_spec("_md5") is not None
    and (find_spec("_sha256") is not None or find_spec("_sha2") is not None)
):
    sys.modules["_hashlib"] = None  # type: ignore[assignment]
