"""gunicorn settings for `gunicorn cms.wsgi` (read from the working directory).

Every value has an environment override; the defaults suit a 2-core machine
behind nginx or a load balancer. See docs/deploy.md.
"""

import os

from cms.ops.jsonlog import logging_config


def _env_int(name, default):
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


_cores = os.cpu_count() or 1

# Where to listen: nginx or the load balancer forwards here, and nothing else may
# reach it: loopback behind nginx, the instance's private address behind a load
# balancer (docs/deploy.md). A client that reaches gunicorn directly bypasses the
# proxy's TLS and limits (the throttles still key it on its own address).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Processes x threads. Requests mostly wait on the database or the cache, so a
# few threads per process add concurrency at little memory cost. 2 cores: 5 x 2.
workers = _env_int("GUNICORN_WORKERS", _env_int("WEB_CONCURRENCY", 2 * _cores + 1))
threads = _env_int("GUNICORN_THREADS", 2)
worker_class = "gthread" if threads > 1 else "sync"

# A request taking longer than this is killed (and logged); keep it above the
# slowest admin action and below the proxy's own timeout.
timeout = _env_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Longer than nothing, shorter than the load balancer's idle timeout (60 s on most).
keepalive = _env_int("GUNICORN_KEEPALIVE", 5)

# Recycle workers now and then, so a slow leak never grows without bound.
max_requests = _env_int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _env_int("GUNICORN_MAX_REQUESTS_JITTER", 200)

# Import Django once in the master, then fork: faster start, shared memory pages.
# Nothing opens a database connection at import, so no connection is shared.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") not in {"0", "false", "no", "off"}

# Heartbeat files: in a container, point this at a memory filesystem (/dev/shm).
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR") or None

# Access and error logs on stdout as JSON lines (LOG_FORMAT=plain for text).
accesslog = "-"
errorlog = "-"
logconfig_dict = logging_config(
    level=os.environ.get("LOG_LEVEL", "INFO"),
    json_lines=os.environ.get("LOG_FORMAT", "json") != "plain",
)

# Trust X-Forwarded-* only from the proxy in front (comma-separated addresses).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

proc_name = "clinic-cms"

# gunicorn's control socket (`gunicornc`) is off unless given a path: two
# instances on one machine (say, a benchmark beside the site) would share its
# default path.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True
