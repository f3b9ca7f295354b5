"""deploy/k8s/: valid Kubernetes objects (checked offline), consistent with the image and each other,
and carrying the protections of the shipped deploy/nginx.conf.

kubernetes-validate bundles the Kubernetes JSON schemas, so this needs no
cluster and no network. Strict mode refuses any field a schema does not
know (a misspelt key would otherwise be silently ignored by the API server).
The pod's nginx is checked by rendering the shipped nginx.conf with the pod's
own settings (deploy/nginx-site.sh, as the proxy image does at start) and
asking Debian's nginx to accept the result.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

kubernetes_validate = pytest.importorskip("kubernetes_validate")

REPO = Path(__file__).resolve().parents[3]
DEPLOY = REPO / "deploy"
K8S = DEPLOY / "k8s"
DOCKERFILE = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
# The site file tests/browser/test_proxy.py runs in front of two replicas (harness.NGINX_SITE_CONF).
SHIPPED_SITE = DEPLOY / "nginx.conf"
# The oldest Kubernetes still commonly run by councils' providers, and the newest bundled.
VERSIONS = ["1.29.0", kubernetes_validate.utils.latest_version()]
# docs/deploy.md "Sizing": measured on one replica.
MEASURED_MIB_AFTER_FIRST_SESSION = 170
MEASURED_KIB_PER_SESSION = 200
ROOM = 100
# bench/README.md, issue 17: one replica per 50 people answering at once (p95 192 ms at 50
# sessions); one answer costs about 13.45 ms of server CPU (100 sessions); one Streamlit process
# saturates at about 0.79 of a core.
PEOPLE_PER_REPLICA = 50
CPU_SECONDS_PER_ANSWER = 0.01345
SATURATED_CORES = 0.79
# bench/README.md, issue 27: one replica held about 50 phones voting in a training room with the
# projector's count within a second (p95); a phone costs its replica 5.9 to 8.5 millicores.
PHONES_PER_REPLICA = 50
CORES_PER_PHONE = (0.0059, 0.0085)
INGRESS_NAMESPACE = "ingress-nginx"


def documents() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in sorted(K8S.glob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if document:
                found.append((path.name, document))
    return found


def one(kind: str, name: str | None = None) -> dict[str, Any]:
    matches = [
        document
        for _, document in documents()
        if document["kind"] == kind and (name is None or document["metadata"]["name"] == name)
    ]
    assert len(matches) == 1, (kind, name)
    return matches[0]


APP = "traffic-light-reference"
REDIS = "traffic-light-redis"


def pod_spec(name: str = APP) -> dict[str, Any]:
    return one("Deployment", name)["spec"]["template"]["spec"]


def container(name: str, deployment: str = APP) -> dict[str, Any]:
    (found,) = [c for c in pod_spec(deployment)["containers"] if c["name"] == name]
    return found


def env_of(item: dict[str, Any]) -> dict[str, str]:
    return {variable["name"]: variable["value"] for variable in item.get("env", []) if "value" in variable}


def labels_of(name: str) -> dict[str, str]:
    return one("Deployment", name)["spec"]["template"]["metadata"]["labels"]


def selects(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    assert set(selector) == {"matchLabels"}, selector  # only matchLabels are used here
    return selector["matchLabels"].items() <= labels.items()


def mebibytes(quantity: str) -> float:
    number, unit = re.fullmatch(r"(\d+)(Mi|Gi)", quantity).groups()
    return int(number) * (1024 if unit == "Gi" else 1)


def cores(quantity: str) -> float:
    return int(quantity[:-1]) / 1000 if quantity.endswith("m") else float(quantity)


def test_the_manifests_are_all_there():
    kinds = sorted(document["kind"] for _, document in documents())
    assert kinds == [
        "Deployment",
        "Deployment",
        "HorizontalPodAutoscaler",
        "Ingress",
        "NetworkPolicy",
        "NetworkPolicy",
        "PodDisruptionBudget",
        "Secret",
        "Service",
        "Service",
    ]


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize(("name", "document"), documents(), ids=lambda value: value if isinstance(value, str) else "")
def test_each_object_is_valid_kubernetes(name, document, version):
    try:
        kubernetes_validate.validate(document, version, strict=True)
    except kubernetes_validate.ValidationError as error:
        pytest.fail(
            f"{name}: {document['kind']} is not valid for Kubernetes {version}: {error.message} at {error.path}"
        )


def test_a_broken_manifest_is_refused():
    # The validator really checks: a misspelt field and a wrong type both fail.
    deployment = one("Deployment", APP)
    broken = {**deployment, "spec": {**deployment["spec"], "replica": 2}}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, VERSIONS[-1], strict=True)
    broken = {**deployment, "spec": {**deployment["spec"], "replicas": "two"}}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, VERSIONS[-1], strict=True)


@pytest.mark.parametrize("name", [APP, REDIS])
def test_every_pod_runs_hardened(name):
    pod = pod_spec(name)
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["automountServiceAccountToken"] is False
    for item in pod["containers"]:
        security = item["securityContext"]
        assert security["readOnlyRootFilesystem"] is True, item["name"]
        assert security["allowPrivilegeEscalation"] is False, item["name"]
        assert security["capabilities"]["drop"] == ["ALL"], item["name"]


def test_the_app_pods_run_as_the_images_user_and_write_only_to_memory():
    pod = pod_spec()
    # The same numeric user as the image (deploy/Dockerfile "USER 10001:10001").
    user, group = re.search(r"^USER (\d+):(\d+)$", DOCKERFILE, re.M).groups()
    assert (pod["securityContext"]["runAsUser"], pod["securityContext"]["runAsGroup"]) == (int(user), int(group))
    app = container("app")
    volumes = {volume["name"]: volume for volume in pod["volumes"]}
    mounts = {mount["mountPath"]: mount for mount in app["volumeMounts"]}
    assert "emptyDir" in volumes[mounts["/tmp"]["name"]]
    home = re.search(r"HOME=(\S+)", DOCKERFILE)[1]
    assert "emptyDir" in volumes[mounts[home]["name"]]
    # Secrets mounted where Streamlit looks (WORKDIR/.streamlit), read-only, from the Secret.
    workdir = re.search(r"^WORKDIR (\S+)$", DOCKERFILE, re.M)[1]
    secrets_mount = mounts[f"{workdir}/.streamlit/secrets.toml"]
    assert secrets_mount["readOnly"] is True
    assert volumes[secrets_mount["name"]]["secret"]["secretName"] == one("Secret")["metadata"]["name"]
    # The proxy writes only its start-up configuration, pid and temporary files, to emptyDirs.
    proxy_mounts = {mount["mountPath"]: mount["name"] for mount in container("proxy")["volumeMounts"]}
    assert set(proxy_mounts) == {"/run", "/var/cache/nginx"}
    assert all("emptyDir" in volumes[name] for name in proxy_mounts.values())


def test_streamlit_listens_on_the_pods_loopback_and_only_nginx_on_the_service_port():
    app, proxy = container("app"), container("proxy")
    env = env_of(app)
    assert env["STREAMLIT_SERVER_ADDRESS"] == "127.0.0.1"
    assert "ports" not in app  # nothing to reach from outside the pod
    (port,) = proxy["ports"]
    assert port["name"] == "http"
    assert port["containerPort"] != int(env["STREAMLIT_SERVER_PORT"])
    assert env_of(proxy)["TRAFFIC_LIGHT_LISTEN"] == str(port["containerPort"])
    # nginx forwards to that loopback port, and nowhere else.
    assert env_of(proxy)["TRAFFIC_LIGHT_UPSTREAM"] == f"127.0.0.1:{env['STREAMLIT_SERVER_PORT']}"
    # The Service leads to nginx's port, by name.
    service = one("Service", APP)
    assert service["spec"]["selector"].items() <= labels_of(APP).items()
    assert [p["targetPort"] for p in service["spec"]["ports"]] == ["http"]


def test_streamlit_is_probed_by_the_images_own_health_check_and_nginx_through_to_it():
    app, proxy = container("app"), container("proxy")
    # The kubelet cannot reach the loopback, so the app's probes run the image's check inside it.
    healthcheck = re.search(r"^COPY deploy/healthcheck\.py (\S+)$", DOCKERFILE, re.M)[1]
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert app[probe]["exec"]["command"] == ["python", healthcheck], probe
    # Ready only when a health check passes through nginx to Streamlit.
    assert proxy["readinessProbe"]["httpGet"] == {"path": "/_stcore/health", "port": "http"}
    assert proxy["livenessProbe"]["tcpSocket"] == {"port": "http"}


def test_the_pods_nginx_runs_the_shipped_nginx_conf_from_the_same_build():
    # The proxy image is the Dockerfile's "proxy" stage: the shipped site and main files, the
    # start-up script that writes the running configuration from them, and the offline reference
    # exported by the app stage of the same build.
    proxy_stage = DOCKERFILE[DOCKERFILE.index(" AS proxy") :]
    assert "COPY deploy/nginx.conf deploy/nginx-main.conf /etc/traffic-light/" in proxy_stage
    assert re.search(r"COPY --chmod=0755 deploy/nginx-site\.sh /docker-entrypoint\.d/\S+\.sh", proxy_stage)
    assert "COPY --from=app /app/offline /srv/traffic-light/offline" in proxy_stage
    assert "/srv/traffic-light/offline/" in SHIPPED_SITE.read_text(encoding="utf-8")
    # Both images from one build: the same registry path and tag, "-proxy" added.
    app_image, proxy_image = container("app")["image"], container("proxy")["image"]
    repository, tag = app_image.rsplit(":", 1)
    assert proxy_image == f"{repository}-proxy:{tag}"


def render(tmp_path: Path, env: dict[str, str]) -> tuple[str, str]:
    """deploy/nginx-site.sh run as the proxy image runs it at start: (site, main)."""
    out = tmp_path / "rendered"
    result = subprocess.run(
        ["sh", str(DEPLOY / "nginx-site.sh")],
        env={"PATH": os.environ.get("PATH", ""), "TRAFFIC_LIGHT_NGINX_SOURCE": str(DEPLOY), **env}
        | {"TRAFFIC_LIGHT_NGINX_OUT": str(out)},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    return (out / "site.conf").read_text(encoding="utf-8"), (out / "nginx.conf").read_text(encoding="utf-8")


def changed_lines(shipped: str, rendered: str) -> tuple[list[str], list[str]]:
    """Lines only in the shipped file, and lines only in the rendered one."""
    import difflib

    removed, added = [], []
    for line in difflib.ndiff(shipped.splitlines(), rendered.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:].strip())
        elif line.startswith("+ "):
            added.append(line[2:].strip())
    return removed, added


def test_the_pods_nginx_configuration_differs_from_the_shipped_file_only_in_where_it_listens_and_forwards(
    tmp_path,
):
    proxy_env = env_of(container("proxy"))
    site, main = render(tmp_path, proxy_env)
    shipped = SHIPPED_SITE.read_text(encoding="utf-8")

    removed, added = changed_lines(shipped, site)
    assert removed == [
        "server app1:8501 max_fails=3 fail_timeout=10s;",
        "server app2:8501 max_fails=3 fail_timeout=10s;",
        "server app3:8501 max_fails=3 fail_timeout=10s;",
        "listen 80;",
    ]
    assert added == ["server 127.0.0.1:8501 max_fails=3 fail_timeout=10s;", "listen 8080;"]
    # So the protections are there as shipped: one check each that they were not dropped.
    for protection in (
        'add_header Content-Security-Policy "default-src',
        "log_format traffic_light_private",
        "if ($traffic_light_foreign_origin)",
        "location = /oauth2callback",
        "location /offline/",
        "location = /_stcore/metrics",
    ):
        assert protection in site, protection
    removed, added = changed_lines((DEPLOY / "nginx-main.conf").read_text(encoding="utf-8"), main)
    assert removed == ["worker_processes auto;", "include /etc/nginx/conf.d/*.conf;"]
    assert added == ["worker_processes 2;", f"include {tmp_path}/rendered/site.conf;"]


def test_debian_nginx_accepts_the_pods_nginx_configuration(tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.access(nginx, os.X_OK):
        pytest.skip("nginx not installed (apt-get install nginx-light)")
    _, main = render(tmp_path, env_of(container("proxy")))
    # Debian names nginx's user www-data, not nginx as the official image does; nothing else changes.
    main = main.replace("user nginx;", "")
    main_path = tmp_path / "main.conf"
    main_path.write_text(main, encoding="utf-8")
    check = subprocess.run(
        [nginx, "-t", "-q", "-e", str(tmp_path / "error.log"), "-c", str(main_path)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert check.returncode == 0, check.stderr


def test_rooms_are_shared_through_redis_reachable_by_name():
    env = env_of(container("app"))
    service = one("Service", REDIS)
    (port,) = service["spec"]["ports"]
    assert env["TRAFFIC_LIGHT_REDIS_URL"] == f"redis://{service['metadata']['name']}:{port['port']}/0"
    assert service["spec"]["selector"].items() <= labels_of(REDIS).items()
    assert not service["spec"]["selector"].items() <= labels_of(APP).items()
    (redis,) = pod_spec(REDIS)["containers"]
    assert port["targetPort"] in {p["name"] for p in redis["ports"]}
    # Nothing reaches a disk: no snapshots, no append-only file.
    args = redis["args"]
    assert args[args.index("--save") + 1] == ""
    assert args[args.index("--appendonly") + 1] == "no"


def test_only_the_ingress_controller_reaches_the_app_pods_and_only_on_nginxs_port():
    policy = one("NetworkPolicy", APP)["spec"]
    assert selects(policy["podSelector"], labels_of(APP))
    assert not selects(policy["podSelector"], labels_of(REDIS))
    assert policy["policyTypes"] == ["Ingress"]
    (rule,) = policy["ingress"]
    # One peer with both selectors: the controller's pods in the controller's namespace (AND, not OR).
    (peer,) = rule["from"]
    assert peer["namespaceSelector"] == {"matchLabels": {"kubernetes.io/metadata.name": INGRESS_NAMESPACE}}
    assert peer["podSelector"] == {"matchLabels": {"app.kubernetes.io/name": "ingress-nginx"}}
    assert rule["ports"] == [{"protocol": "TCP", "port": "http"}]
    assert [p["name"] for p in container("proxy")["ports"]] == ["http"]
    assert one("Ingress")["spec"]["ingressClassName"] == "nginx"


def test_only_the_app_pods_reach_redis():
    policy = one("NetworkPolicy", REDIS)["spec"]
    assert selects(policy["podSelector"], labels_of(REDIS))
    assert not selects(policy["podSelector"], labels_of(APP))
    assert policy["policyTypes"] == ["Ingress"]
    (rule,) = policy["ingress"]
    (peer,) = rule["from"]
    assert set(peer) == {"podSelector"}  # this namespace only
    assert selects(peer["podSelector"], labels_of(APP))
    assert not selects(peer["podSelector"], labels_of(REDIS))
    assert rule["ports"] == [{"protocol": "TCP", "port": "redis"}]


def test_the_autoscaler_adds_a_pod_before_one_reaches_the_measured_50_people():
    hpa = one("HorizontalPodAutoscaler")["spec"]
    deployment = one("Deployment", APP)
    assert hpa["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": APP}
    assert "replicas" not in deployment["spec"]  # the autoscaler owns the count
    # A training room of 100 needs two replicas from the start; never one (no restart without an outage).
    assert hpa["minReplicas"] >= max(2, -(-ROOM // PEOPLE_PER_REPLICA))
    assert hpa["maxReplicas"] > hpa["minReplicas"]

    (metric,) = hpa["metrics"]
    assert metric["type"] == "ContainerResource"
    assert metric["containerResource"]["name"] == "cpu"
    assert metric["containerResource"]["container"] == "app"
    utilisation = metric["containerResource"]["target"]["averageUtilization"]
    requested = cores(container("app")["resources"]["requests"]["cpu"])
    at_target = requested * utilisation / 100
    people_at_target = at_target / CPU_SECONDS_PER_ANSWER  # each answering about once a second
    assert at_target < SATURATED_CORES
    assert 20 <= people_at_target <= PEOPLE_PER_REPLICA, people_at_target
    # A pod is added by the time it holds the phones one replica was measured to hold in a room.
    most_phones_at_target = at_target / min(CORES_PER_PHONE)
    assert at_target / max(CORES_PER_PHONE) <= PHONES_PER_REPLICA <= most_phones_at_target * 1.1, at_target
    # Scaling in ends the sessions on the pod removed: slowly, one at a time.
    assert hpa["behavior"]["scaleDown"]["stabilizationWindowSeconds"] >= 900
    assert hpa["behavior"]["scaleDown"]["policies"] == [{"type": "Pods", "value": 1, "periodSeconds": 300}]


def test_resource_requests_cover_a_training_room_per_replica():
    resources = container("app")["resources"]
    requests, limits = resources["requests"], resources["limits"]
    needed = MEASURED_MIB_AFTER_FIRST_SESSION + ROOM * MEASURED_KIB_PER_SESSION / 1024
    assert mebibytes(requests["memory"]) >= needed
    assert mebibytes(limits["memory"]) >= 2 * mebibytes(requests["memory"])
    assert "cpu" in requests
    assert "cpu" not in limits  # docs/deploy.md: throttling adds latency for everyone on the replica
    for item in pod_spec()["containers"] + pod_spec(REDIS)["containers"]:
        assert "memory" in item["resources"]["limits"], item["name"]


def test_service_and_ingress_point_at_the_pods_with_cookie_affinity_and_websocket_timeouts():
    service, ingress = one("Service", APP), one("Ingress")
    (rule,) = ingress["spec"]["rules"]
    backends = {path["path"]: path["backend"]["service"] for path in rule["http"]["paths"]}
    target = {"name": service["metadata"]["name"], "port": {"name": "http"}}
    # The app, and the offline reference the pod's nginx serves (where users go when the app fails).
    assert backends == {"/": target, "/offline/": target}
    annotations = ingress["metadata"]["annotations"]
    prefix = "nginx.ingress.kubernetes.io/"
    assert annotations[prefix + "affinity"] == "cookie"
    assert annotations[prefix + "session-cookie-secure"] == "true"
    # Not the cookie the pod's own nginx sets, or each would overwrite the other's.
    pod_cookie = re.search(r'"(\w+)=\$request_id;', SHIPPED_SITE.read_text(encoding="utf-8"))[1]
    assert annotations[prefix + "session-cookie-name"] != pod_cookie
    assert int(annotations[prefix + "proxy-read-timeout"]) >= 3600
    assert int(annotations[prefix + "proxy-send-timeout"]) >= 3600
    assert ingress["spec"]["tls"][0]["hosts"] == [rule["host"]]

    # The replicas accept WebSockets only for the Ingress's host name.
    assert env_of(container("app"))["STREAMLIT_SERVER_ALLOWED_HOSTS"].split() == [rule["host"]]


def test_the_secret_is_a_template_with_placeholders_streamlit_can_read():
    secret = one("Secret")
    settings = tomllib.loads(secret["stringData"]["secrets.toml"])
    auth = settings["auth"]
    assert set(auth) == {"redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url"}
    for key in ("cookie_secret", "client_id", "client_secret"):
        assert auth[key].startswith("REPLACE-"), key
    assert "REPLACE-WITH-TENANT-ID" in auth["server_metadata_url"]
    host = one("Ingress")["spec"]["rules"][0]["host"]
    assert auth["redirect_uri"] == f"https://{host}/oauth2callback"
    assert settings["access"]["allowed_domains"]
