"""A per-process copy of recently served cache entries, bounded in bytes.

A hit then costs one round trip to the shared cache (the dependency tokens)
instead of two, and no transfer or unpickling of the body, which for a large
API listing is most of the work. It never decides freshness on its own: an
entry is served only when every token it was stored with still matches the
shared cache, exactly as an entry read from the shared cache would be.
"""

import threading
from collections import OrderedDict


class LocalEntries:
    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self._entries = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        size = len(entry["content"])
        if size > self.max_bytes // 4:
            return  # one huge body must not evict everything else
        with self._lock:
            self._discard(key)
            self._entries[key] = entry
            self._bytes += size
            while self._bytes > self.max_bytes:
                self._discard(next(iter(self._entries)))

    def discard(self, key):
        with self._lock:
            self._discard(key)

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def _discard(self, key):
        entry = self._entries.pop(key, None)
        if entry is not None:
            self._bytes -= len(entry["content"])
