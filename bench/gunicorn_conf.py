"""gunicorn for the benchmark: one worker per core, no access log (it would cost the run itself)."""

import multiprocessing

workers = multiprocessing.cpu_count()
threads = 1
worker_class = "sync"
preload_app = True
accesslog = None
errorlog = "-"
loglevel = "warning"
timeout = 60
