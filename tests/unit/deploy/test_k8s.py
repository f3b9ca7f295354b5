"""deploy/k8s/: valid Kubernetes objects (checked offline), and consistent with the image and each other.

kubernetes-validate bundles the Kubernetes JSON schemas, so this needs no
cluster and no network. Strict mode refuses any field a schema does not
know (a misspelt key would otherwise be silently ignored by the API server).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

kubernetes_validate = pytest.importorskip("kubernetes_validate")

REPO = Path(__file__).resolve().parents[3]
K8S = REPO / "deploy" / "k8s"
DOCKERFILE = (REPO / "deploy" / "Dockerfile").read_text(encoding="utf-8")
# The oldest Kubernetes still commonly run by councils' providers, and the newest bundled.
VERSIONS = ["1.29.0", kubernetes_validate.utils.latest_version()]
# docs/deploy.md "Sizing": measured on one replica.
MEASURED_MIB_AFTER_FIRST_SESSION = 170
MEASURED_KIB_PER_SESSION = 200
ROOM = 100


def documents() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in sorted(K8S.glob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if document:
                found.append((path.name, document))
    return found


def one(kind: str) -> dict[str, Any]:
    matches = [document for _, document in documents() if document["kind"] == kind]
    assert len(matches) == 1, kind
    return matches[0]


def mebibytes(quantity: str) -> float:
    number, unit = re.fullmatch(r"(\d+)(Mi|Gi)", quantity).groups()
    return int(number) * (1024 if unit == "Gi" else 1)


def test_the_manifests_are_all_there():
    kinds = sorted(document["kind"] for _, document in documents())
    assert kinds == ["Deployment", "Ingress", "PodDisruptionBudget", "Secret", "Service"]


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
    deployment = one("Deployment")
    broken = {**deployment, "spec": {**deployment["spec"], "replica": 2}}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, VERSIONS[-1], strict=True)
    broken = {**deployment, "spec": {**deployment["spec"], "replicas": "two"}}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, VERSIONS[-1], strict=True)


def test_deployment_runs_two_hardened_replicas_probed_on_health():
    deployment = one("Deployment")
    spec = deployment["spec"]
    pod = spec["template"]["spec"]
    (container,) = pod["containers"]

    assert spec["replicas"] >= 2
    assert spec["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    assert pod["securityContext"]["runAsNonRoot"] is True
    # The same numeric user as the image (deploy/Dockerfile "USER 10001:10001").
    user, group = re.search(r"^USER (\d+):(\d+)$", DOCKERFILE, re.M).groups()
    assert (pod["securityContext"]["runAsUser"], pod["securityContext"]["runAsGroup"]) == (int(user), int(group))
    security = container["securityContext"]
    assert security["readOnlyRootFilesystem"] is True
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"]

    port = int(re.search(r"STREAMLIT_SERVER_PORT=(\d+)", DOCKERFILE)[1])
    assert container["ports"][0]["containerPort"] == port
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": "/_stcore/health", "port": "http"}, probe

    volumes = {volume["name"]: volume for volume in pod["volumes"]}
    mounts = {mount["mountPath"]: mount for mount in container["volumeMounts"]}
    assert "emptyDir" in volumes[mounts["/tmp"]["name"]]
    home = re.search(r"HOME=(\S+)", DOCKERFILE)[1]
    assert "emptyDir" in volumes[mounts[home]["name"]]
    # Secrets mounted where Streamlit looks (WORKDIR/.streamlit), read-only, from the Secret.
    workdir = re.search(r"^WORKDIR (\S+)$", DOCKERFILE, re.M)[1]
    secrets_mount = mounts[f"{workdir}/.streamlit/secrets.toml"]
    assert secrets_mount["readOnly"] is True
    assert volumes[secrets_mount["name"]]["secret"]["secretName"] == one("Secret")["metadata"]["name"]


def test_resource_requests_cover_a_training_room_per_replica():
    (container,) = one("Deployment")["spec"]["template"]["spec"]["containers"]
    requests, limits = container["resources"]["requests"], container["resources"]["limits"]
    needed = MEASURED_MIB_AFTER_FIRST_SESSION + ROOM * MEASURED_KIB_PER_SESSION / 1024
    assert mebibytes(requests["memory"]) >= needed
    assert mebibytes(limits["memory"]) >= 2 * mebibytes(requests["memory"])
    assert "cpu" in requests
    assert "cpu" not in limits  # docs/deploy.md: throttling adds latency for everyone on the replica


def test_service_and_ingress_point_at_the_pods_with_cookie_affinity_and_websocket_timeouts():
    deployment, service, ingress = one("Deployment"), one("Service"), one("Ingress")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= labels.items()
    assert service["spec"]["ports"][0]["targetPort"] == "http"

    (rule,) = ingress["spec"]["rules"]
    backend = rule["http"]["paths"][0]["backend"]["service"]
    assert backend == {"name": service["metadata"]["name"], "port": {"name": "http"}}
    annotations = ingress["metadata"]["annotations"]
    prefix = "nginx.ingress.kubernetes.io/"
    assert annotations[prefix + "affinity"] == "cookie"
    assert annotations[prefix + "session-cookie-secure"] == "true"
    assert int(annotations[prefix + "proxy-read-timeout"]) >= 3600
    assert int(annotations[prefix + "proxy-send-timeout"]) >= 3600
    assert ingress["spec"]["tls"][0]["hosts"] == [rule["host"]]

    # The replicas accept WebSockets only for the Ingress's host name.
    (container,) = deployment["spec"]["template"]["spec"]["containers"]
    env = {item["name"]: item.get("value") for item in container["env"]}
    assert env["STREAMLIT_SERVER_ALLOWED_HOSTS"].split() == [rule["host"]]


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
