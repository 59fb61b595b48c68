"""The client's IP address, for login throttling (django-axes' AXES_CLIENT_IP_CALLABLE).

Behind TRUSTED_PROXY_COUNT proxies (nginx, a load balancer) REMOTE_ADDR is the
nearest proxy, so every client would share one address and one lockout. Each
proxy appends the address it received the request from to X-Forwarded-For, so
the trustworthy entry is the Nth from the right; anything left of it was sent
by the client and may be forged.
"""

from django.conf import settings


def client_ip(request):
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote_addr
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < proxies:
        return remote_addr  # not sent through the expected proxies
    return forwarded[-proxies]
