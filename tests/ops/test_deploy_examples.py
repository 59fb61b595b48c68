"""The deployment examples put gunicorn where only its proxy reaches it."""

import ipaddress
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = (ROOT / "docs" / "deploy.md").read_text()


def _section(title):
    return DEPLOY.split(f"## {title}", 1)[1].split("\n## ", 1)[0]


def _exports(text):
    return dict(
        re.findall(
            r"\b([A-Z][A-Z0-9_]*)=(\S+)",
            "\n".join(line for line in text.splitlines() if line.startswith("export ")),
        )
    )


def test_the_multi_instance_example_binds_gunicorn_to_a_private_address():
    exports = _exports(_section("Several app instances behind a load balancer"))
    host, _, _port = exports["GUNICORN_BIND"].rpartition(":")
    address = ipaddress.ip_address(host.strip("[]"))
    assert address.is_private and not address.is_unspecified and not address.is_loopback
    # Only the load balancer's hops are believed, and they come from a private network.
    proxies = [ipaddress.ip_network(n) for n in exports["TRUSTED_PROXY_ADDRESSES"].split(",")]
    assert proxies and all(network.is_private for network in proxies)
    assert exports["FORWARDED_ALLOW_IPS"] == exports["TRUSTED_PROXY_ADDRESSES"]


def test_the_one_machine_example_keeps_gunicorn_on_loopback():
    section = _section("One machine")
    assert "GUNICORN_BIND" not in _exports(section)  # the default, 127.0.0.1:8000
    assert "proxy_pass http://127.0.0.1:8000;" in section


def test_gunicorn_defaults_to_loopback(monkeypatch):
    monkeypatch.delenv("GUNICORN_BIND", raising=False)
    namespace = {"__file__": str(ROOT / "gunicorn.conf.py")}
    exec(compile((ROOT / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"), namespace)  # noqa: S102  # nosec B102
    assert namespace["bind"] == "127.0.0.1:8000"


def test_compose_publishes_the_web_port_on_loopback_only():
    lines = [
        line
        for line in (ROOT / "compose.yaml").read_text().splitlines()
        if line.strip().startswith("ports:")
    ]
    assert lines  # the web service publishes one
    for line in lines:
        mappings = re.findall(r'"([^"]+)"', line)
        assert mappings and all(m.startswith("127.0.0.1:") for m in mappings), line


def test_nginx_serves_images_by_path_and_documents_only_internally():
    section = _section("One machine")
    locations = dict(re.findall(r"location\s+([^{]+?)\s*\{([^}]*)\}", section))
    assert "/media/" not in locations  # the whole media folder is not mapped
    public = [
        path for path, body in locations.items() if "alias" in body and "internal" not in body
    ]
    assert sorted(public) == ["/media/images/", "/media/original_images/"]
    internal = locations["/protected-media/"]
    assert "internal;" in internal and "alias /srv/clinic-cms/media/;" in internal
    assert "DOCUMENTS_X_ACCEL_REDIRECT=1" in section
