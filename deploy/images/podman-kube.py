#!/usr/bin/env python3
"""Splits the chart's rendered manifests into one file per Deployment for `podman kube play` (kube-play.sh).

Each file holds the Deployment and its ConfigMap, with what podman 4.3 needs to run them on one machine:
  - hostPort and hostIP 127.0.0.1 on the http port (kube play has no --publish, and no Service proxies it);
  - hostAliases: every Service name of the release to its pod's static IP (podman has no cluster DNS);
  - fieldRef spec.nodeName and metadata.namespace (refused by kube play 4.3) replaced by this machine's name
    and the release's namespace;
  - optional: false on Secret volumes (the Kubernetes default; kube play 4.3 dereferences a missing one);
  - Secret volume items (ignored by kube play 4.3): the volume names a Secret of only those keys instead,
    listed in <out>/secrets.txt as "NAME SOURCE KEY..." for kube-play.sh to create.
Everything else is played as rendered. Objects podman does not play are listed, one Markdown line each, in
<out>/not-played.md; the changes in <out>/changes.md.

  podman-kube.py RENDERED OUT_DIR --pod NAME=IP:PORT... --node NODE --namespace NAMESPACE
"""
import argparse
import os
import sys

import yaml

NOT_PLAYED = {
    "Service": "no service proxy or cluster DNS: the names resolve through hostAliases to the pod IPs, the ports are hostPorts",
    "NetworkPolicy": "no policy enforcement on a podman network: every container on it reaches every other",
    "PodDisruptionBudget": "no evictions or drains",
    "HorizontalPodAutoscaler": "no metrics server, no scaling",
    "ServiceAccount": "no API server: no service account, no token",
    "Role": "no API server",
    "RoleBinding": "no API server",
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rendered")
    parser.add_argument("out")
    parser.add_argument("--pod", action="append", default=[], help="Deployment name=IP:host port")
    parser.add_argument("--node", required=True)
    parser.add_argument("--namespace", required=True)
    args = parser.parse_args()
    pods = {}
    for spec in args.pod:
        name, _, address = spec.partition("=")
        ip, _, port = address.partition(":")
        pods[name] = (ip, int(port))

    with open(args.rendered) as f:
        docs = [d for d in yaml.safe_load_all(f) if d]
    config_maps = {d["metadata"]["name"]: d for d in docs if d["kind"] == "ConfigMap"}
    aliases = [{"ip": ip, "hostnames": [name]} for name, (ip, _) in sorted(pods.items())]
    not_played, changes, played, subsets = [], [], set(), set()

    for doc in docs:
        kind, name = doc["kind"], doc["metadata"]["name"]
        hook = doc["metadata"].get("annotations", {}).get("helm.sh/hook")
        if kind == "Deployment" and name in pods:
            write_pod(doc, config_maps, pods[name], aliases, args, changes, subsets)
            played.add(name)
        elif kind == "ConfigMap" and name in pods:
            continue  # written with its Deployment
        elif hook == "test":
            not_played.append(f"`{kind}/{name}` (helm test hook): its image "
                              f"`{doc['spec']['containers'][0]['image']}` is in no registry reachable here; "
                              "kube-play.sh waits for every /health/ready itself")
        else:
            reason = NOT_PLAYED.get(kind, "not a kind podman kube play runs")
            not_played.append(f"`{kind}/{name}`: {reason}")
    missing = set(pods) - played
    if missing:
        sys.exit(f"podman-kube.py: no Deployment rendered for {', '.join(sorted(missing))}")
    with open(os.path.join(args.out, "not-played.md"), "w") as f:
        f.writelines(f"- {line}\n" for line in not_played)
    with open(os.path.join(args.out, "secrets.txt"), "w") as f:
        f.writelines(f"{' '.join(subset)}\n" for subset in sorted(subsets))
    with open(os.path.join(args.out, "changes.md"), "w") as f:
        f.writelines(f"- {line}\n" for line in sorted(set(changes)))


def write_pod(deployment, config_maps, address, aliases, args, changes, subsets):
    name = deployment["metadata"]["name"]
    ip, host_port = address
    spec = deployment["spec"]["template"]["spec"]
    fixed = {"spec.nodeName": args.node, "metadata.namespace": args.namespace}
    spec["hostAliases"] = aliases
    changes.append("`hostAliases` added to every pod: each Service name of the release to its pod's static IP "
                   "(`podman kube play --ip`), the names the chart's `<KEY>_URL` variables use")
    needed = set()
    for container in spec["containers"]:
        for port in container.get("ports", []):
            if port.get("name") == "http":
                port["hostPort"], port["hostIP"] = host_port, "127.0.0.1"
        changes.append("`hostPort` (the local platform's port) with `hostIP: 127.0.0.1` on each http port: kube "
                       "play publishes hostPorts only")
        for env in container.get("env", []):
            path = env.get("valueFrom", {}).get("fieldRef", {}).get("fieldPath")
            if path in fixed:
                del env["valueFrom"]
                env["value"] = fixed[path]
                changes.append(f"`{env['name']}` from `fieldRef: {path}` (kube play 4.3 refuses that field) set "
                               f"to `{fixed[path]}`, what the field would hold here")
        needed.update(ref["configMapRef"]["name"] for ref in container.get("envFrom", []) if "configMapRef" in ref)
    for volume in spec.get("volumes", []):
        secret = volume.get("secret")
        if secret is None:
            continue
        secret.setdefault("optional", False)
        changes.append("`optional: false` (the Kubernetes default) on the Secret volume: kube play 4.3 fails "
                       "without it")
        items = secret.pop("items", None)
        if items:
            if any(item["path"] != item["key"] for item in items):
                sys.exit(f"podman-kube.py: {name}: Secret items with another path than their key")
            keys = sorted(item["key"] for item in items)
            source, secret["secretName"] = secret["secretName"], "-".join([secret["secretName"]] + keys)
            subsets.add((secret["secretName"], source, " ".join(keys)))
            changes.append("Secret volume `items` (kube play 4.3 ignores them and mounts every key): the volume "
                           "names a Secret holding only those keys, e.g. `oil-trading-jwt-public.pem` for the "
                           "services that only verify tokens")
    with open(os.path.join(args.out, f"{name}.yaml"), "w") as f:
        yaml.safe_dump_all([config_maps[n] for n in sorted(needed)] + [deployment], f, sort_keys=False)
    print(f"{name}: {ip}, 127.0.0.1:{host_port}")


if __name__ == "__main__":
    main()
