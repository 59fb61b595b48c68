"""A clinic front end in a thread: verifies each webhook with the reference verifier and records it."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError


def verifies(secret, raw, headers):
    """What a receiver using the `standardwebhooks` package (5-minute tolerance) concludes."""
    try:
        Webhook(secret).verify(raw, dict(headers.items()))
    except (WebhookVerificationError, ValueError):
        return False
    return True


class Receiver:
    """Listens on 127.0.0.1; answers the queued status codes first, then 204."""

    def __init__(self, secrets, port=0, delay=0):
        self.secrets = secrets  # path -> secret, one per endpoint
        self.delay = delay  # seconds to wait before answering
        self.received = []
        self.statuses = []
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path):
        host, port = self.server.server_address
        return f"http://{host}:{port}{path}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def fail_next(self, *statuses):
        with self.lock:
            self.statuses.extend(statuses)

    def bodies(self, path=None):
        """Parsed payloads that passed verification, optionally only those sent to `path`."""
        return [r["payload"] for r in self.received if r["verified"] and path in (None, r["path"])]

    def _handler(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                raw = self.rfile.read(int(self.headers["Content-Length"]))
                time.sleep(receiver.delay)
                secret = receiver.secrets.get(self.path, "whsec_bm90LXRoZS1zZWNyZXQ=")
                with receiver.lock:
                    status = receiver.statuses.pop(0) if receiver.statuses else 204
                    receiver.received.append(
                        {
                            "path": self.path,
                            "headers": self.headers,  # case-insensitive lookups
                            "raw": raw,
                            "payload": json.loads(raw),
                            "verified": verifies(secret, raw, self.headers),
                            "status": status,
                        }
                    )
                self.send_response(status)
                body = b"" if status == 204 else f"status {status}".encode()
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Handler
