// Validates every document of a rendered multi-document YAML file against the schema of its apiVersion and kind:
// Kubernetes core types, Prometheus Operator, Grafana Operator and CloudNativePG CRDs.
// Usage: node validate.mjs rendered.yaml   (exit 0: all valid; 1: some invalid or of an unknown kind)
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

// Which package models an API group; the core group ("v1") and built-in groups live in kubernetes-models.
const PACKAGES = {
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
  "grafana.integreatly.org": "@kubernetes-models/grafana-operator",
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg",
};

async function modelOf(apiVersion, kind) {
  const slash = apiVersion.lastIndexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  const pkg = PACKAGES[group] ?? "kubernetes-models";
  const module = await import(`${pkg}/${apiVersion}/${kind}`).catch(() => null);
  return module?.[kind];
}

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate.mjs <rendered.yaml>");
  process.exit(2);
}

const failures = [];
let count = 0;
for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
  if (doc.errors.length > 0) {
    failures.push(`YAML error: ${doc.errors[0].message}`);
    continue;
  }
  const object = doc.toJS();
  if (object == null) continue;
  count++;
  const name = `${object.kind} ${object.metadata?.name}`;
  const Model = await modelOf(object.apiVersion ?? "", object.kind ?? "");
  if (!Model) {
    failures.push(`${name}: no schema for ${object.apiVersion} ${object.kind}`);
    continue;
  }
  try {
    new Model(object).validate();
  } catch (e) {
    failures.push(`${name}: ${e.message}`);
  }
}

if (failures.length > 0) {
  console.error(failures.join("\n"));
  console.error(`${failures.length} of ${count} documents invalid`);
  process.exit(1);
}
console.log(`${count} documents valid`);
