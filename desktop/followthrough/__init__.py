"""Follow-Through: everything after the job interview, kept on time."""

__version__ = "0.1.0"

APP_NAME = "Follow-Through"
APP_ID = "followthrough"
ORGANIZATION = "Follow-Through"
