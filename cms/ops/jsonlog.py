"""JSON lines for the production log: one object per record, on stdout.

Log collectors (journald, Docker, Loki, CloudWatch...) parse these without a
custom pattern. gunicorn's access records are turned into named fields.
"""

import json
import logging
from datetime import UTC, datetime

# Attributes every LogRecord has; anything else was passed with `extra=`.
_STANDARD_ATTRS = frozenset(
    vars(logging.LogRecord("", 0, "", 0, "", (), None)).keys() | {"message", "asctime"}
)

# gunicorn access-log atoms (gunicorn/glogging.py) -> field names.
_ACCESS_FIELDS = {
    "h": "remote_addr",
    "m": "method",
    "U": "path",
    "q": "query",
    "H": "protocol",
    "s": "status",
    "B": "bytes",
    "M": "duration_ms",
    "f": "referer",
    "a": "user_agent",
}


def _access_fields(record):
    atoms = record.args if isinstance(record.args, dict) else {}
    fields = {name: atoms.get(atom) for atom, name in _ACCESS_FIELDS.items()}
    for header in ("x-forwarded-for", "x-request-id"):
        value = atoms.get(f"{{{header}}}i")
        if value and value != "-":
            fields[header.replace("-", "_")] = value
    if str(fields["status"]).isdigit():
        fields["status"] = int(fields["status"])
    return fields


class JsonFormatter(logging.Formatter):
    """Formats a record as one line of JSON: time, level, logger, message, extras."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
        }
        if record.name == "gunicorn.access":
            entry["message"] = "request"
            entry.update(_access_fields(record))
        else:
            entry["message"] = record.getMessage()
            for name, value in vars(record).items():
                if name not in _STANDARD_ATTRS and not name.startswith("_"):
                    entry[name] = value
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack_info"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def logging_config(level="INFO", json_lines=True):
    """A LOGGING dict: everything to stdout, as JSON lines or plain text."""
    formatter = (
        {"()": JsonFormatter}
        if json_lines
        else {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": formatter},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "default",
            }
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            "django.db.backends": {"level": "WARNING"},
            "gunicorn.error": {"handlers": ["stdout"], "level": level, "propagate": False},
            "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        },
    }
