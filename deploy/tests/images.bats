#!/usr/bin/env bats
# deploy/images without podman: the scripts' conventions (--help, usage errors, missing tools) and podman-kube.py
# on the chart's rendering of examples/podman.yaml (its golden file). The images themselves are built and run by
# build.sh, check.sh and kube-play.sh (CI runs them).

setup() {
  ROOT="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
  IMAGES="$ROOT/deploy/images"
}

@test "every script prints its header as --help" {
  for script in build.sh check.sh kube-play.sh; do
    run "$IMAGES/$script" --help
    [ "$status" -eq 0 ]
    [[ $output == *"Usage: deploy/images/$script"* ]]
    [[ $output == *"Exit codes:"* ]]
  done
}

@test "usage errors exit 2" {
  run "$IMAGES/build.sh" --bogus
  [ "$status" -eq 2 ]
  [[ $output == *"unknown argument: --bogus"* ]]
  run "$IMAGES/check.sh" --service nope
  [ "$status" -eq 2 ]
  [[ $output == *"unknown service: nope"* ]]
  run "$IMAGES/build.sh" --service
  [ "$status" -eq 2 ]
  PORT_OFFSET=x run "$IMAGES/kube-play.sh"
  [ "$status" -eq 2 ]
}

@test "a missing podman exits 3" {
  mkdir -p "$BATS_TEST_TMPDIR/bin"
  for tool in bash dirname basename awk cat; do ln -s "$(command -v "$tool")" "$BATS_TEST_TMPDIR/bin/$tool"; done
  for script in build.sh check.sh kube-play.sh; do
    PATH="$BATS_TEST_TMPDIR/bin" run "$IMAGES/$script"
    [ "$status" -eq 3 ]
    [[ $output == *"podman is required"* ]]
  done
}

@test "podman-kube.py: one file per Deployment, ports on 127.0.0.1, names to pod IPs, key subsets, what is left out" {
  python3 -c 'import yaml' || skip "python3-yaml is not installed"
  out=$BATS_TEST_TMPDIR/kube
  mkdir -p "$out"
  run python3 "$IMAGES/podman-kube.py" "$ROOT/helm/src/test/resources/golden/podman.yaml" "$out" --node host1 \
    --namespace oil-trading --pod trading-service=10.89.70.11:8081 --pod pricefeed-service=10.89.70.12:8082 \
    --pod risk-service=10.89.70.13:8083 --pod settlement-service=10.89.70.14:8084 --pod perf-report-service=10.89.70.15:8085
  [ "$status" -eq 0 ]
  run python3 - "$out" <<'PY'
import sys, yaml
out = sys.argv[1]
for name, port, keys in [("trading-service", 8081, "public.pem"), ("risk-service", 8083, "private.pem-public.pem")]:
    docs = list(yaml.safe_load_all(open(f"{out}/{name}.yaml")))
    assert [d["kind"] for d in docs] == ["ConfigMap", "Deployment"], docs
    spec = docs[1]["spec"]["template"]["spec"]
    http = spec["containers"][0]["ports"][0]
    assert (http["hostPort"], http["hostIP"]) == (port, "127.0.0.1"), http
    assert {"ip": "10.89.70.11", "hostnames": ["trading-service"]} in spec["hostAliases"], spec["hostAliases"]
    env = {e["name"]: e for e in spec["containers"][0]["env"]}
    assert env["NODE_NAME"] == {"name": "NODE_NAME", "value": "host1"}, env["NODE_NAME"]
    assert env["POD_NAMESPACE"]["value"] == "oil-trading"
    jwt = next(v["secret"] for v in spec["volumes"] if "secret" in v)
    assert jwt["secretName"] == f"oil-trading-jwt-{keys}" and "items" not in jwt and jwt["optional"] is False, jwt
PY
  [ "$status" -eq 0 ] || { echo "$output"; false; }
  grep -q '^oil-trading-jwt-public.pem oil-trading-jwt public.pem$' "$out/secrets.txt"
  grep -q '^oil-trading-jwt-private.pem-public.pem oil-trading-jwt private.pem public.pem$' "$out/secrets.txt"
  for object in Service/trading-service NetworkPolicy/risk-service ServiceAccount/settlement-service Role/perf-report-service; do
    grep -q "\`$object\`" "$out/not-played.md"
  done
}
