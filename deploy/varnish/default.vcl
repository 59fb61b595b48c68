vcl 4.1;
# Varnish in front of Clinic CMS (docs/deploy.md#a-shared-http-cache). bench/cluster.py and
# tests/delivery/test_varnish.py run it with the backend's port rewritten.

import xkey;

backend default {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Only the app's own hosts may purge (frontend_cache's HTTP backend sends PURGE).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # By surrogate key (SURROGATE_PURGE_URL): every object that named one of the keys.
        if (req.http.xkey-purge) {
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
        }
        # By URL (FRONTEND_CACHE_HTTP_URL, Wagtail's frontend_cache).
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Editors (a session or CSRF cookie) and token clients always reach the app.
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=" || req.http.Authorization) {
        return (pass);
    }
    if (req.url ~ "^/(admin|documents)/") {
        return (pass);
    }
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Store only what the app itself marked public (its response cache's entries, with
    # s-maxage); everything else (private pages, previews, errors) is never shared.
    if (beresp.http.Cache-Control !~ "public" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;  # hit-for-miss: later requests go to the app, uncoalesced
        return (deliver);
    }
}

sub vcl_deliver {
    # The keys are for this cache, not for visitors.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
    if (obj.hits > 0) {
        set resp.http.X-Edge-Cache = "HIT";
    } else {
        set resp.http.X-Edge-Cache = "MISS";
    }
}
