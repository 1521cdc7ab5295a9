// Validates Kubernetes objects read as a JSON array from the file named by the first argument.
// Kubernetes kinds: the schemas of kubernetes-models. CloudNativePG's Cluster, the RabbitMQ operator's RabbitmqCluster,
// KEDA's ScaledObject and TriggerAuthentication and the External Secrets Operator's ExternalSecret: their CRDs'
// openAPIV3Schema kept in crds/ (where each came from is in its x-source), checked with ajv as the API server's strict
// field validation would: every object that lists its properties is closed (an unknown or misspelt field fails), and a
// subtree the file marks x-elided (not copied from the CRD because the manifests do not use it) refuses any value. KEDA
// and External Secrets objects are also checked against @kubernetes-models/keda and @kubernetes-models/external-secrets.
// Prints one line per problem; exit 1 when any, 2 on misuse.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv from "ajv";

const require = createRequire(import.meta.url);
const crds = {
  "postgresql.cnpg.io/v1/Cluster": "./crds/postgresql.cnpg.io_v1_cluster.json",
  "rabbitmq.com/v1beta1/RabbitmqCluster": "./crds/rabbitmq.com_v1beta1_rabbitmqcluster.json",
  "keda.sh/v1alpha1/ScaledObject": "./crds/keda.sh_v1alpha1_scaledobject.json",
  "keda.sh/v1alpha1/TriggerAuthentication": "./crds/keda.sh_v1alpha1_triggerauthentication.json",
  "external-secrets.io/v1/ExternalSecret": "./crds/external-secrets.io_v1_externalsecret.json",
};
// The API server checks an object's metadata itself (a CRD's schema says only "type: object"): the fields we write.
const objectMeta = {
  type: "object", required: ["name"], additionalProperties: false,
  properties: {
    name: { type: "string", pattern: "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$", maxLength: 253 },
    namespace: { type: "string" }, generateName: { type: "string" },
    labels: { type: "object", additionalProperties: { type: "string" } },
    annotations: { type: "object", additionalProperties: { type: "string" } },
  },
};
const ELIDED = "x-elided";

/** The CRD schema made strict: closed objects, elided subtrees refusing any value, status refused, metadata typed. */
function strict(node) {
  if (Array.isArray(node)) return node.map(strict);
  if (node === null || typeof node !== "object") return node;
  if (node[ELIDED]) return { not: {}, [ELIDED]: true };
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    copy[key] = key === "properties"
      ? Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, strict(schema)]))
      : strict(value);
  }
  if (copy.properties && copy.additionalProperties === undefined && !copy["x-kubernetes-preserve-unknown-fields"]) {
    copy.additionalProperties = false;
  }
  return copy;
}

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const validators = {};
function crdValidator(key) {
  if (!(key in validators)) {
    const schema = strict(require(crds[key]));
    schema.properties.metadata = objectMeta;
    validators[key] = ajv.compile(schema);
  }
  return validators[key];
}

async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const candidates = group === ""
    ? [`kubernetes-models/${version}`]
    : [`kubernetes-models/${group}/${version}`, `@kubernetes-models/keda/${group}/${version}`,
       `@kubernetes-models/external-secrets/${group}/${version}`];
  for (const path of candidates) {
    try {
      const module = await import(path);
      if (module[kind]) return module[kind];
    } catch { /* not this package */ }
  }
  return null;
}

function describe(e) {
  const where = e.instancePath || "/";
  if (e.keyword === "additionalProperties") return `${where}: unknown field "${e.params.additionalProperty}"`;
  if (e.keyword === "not" && e.parentSchema?.[ELIDED]) return `${where}: set, but its schema was not kept in crds/ (x-elided): copy it from the CRD first`;
  return `${where} ${e.message}`;
}

const objects = JSON.parse(readFileSync(process.argv[2] ?? "/dev/stdin", "utf8"));
if (!Array.isArray(objects)) { console.log("input: not an array"); process.exit(2); }
const problems = [];
for (const object of objects) {
  const id = `${object.apiVersion} ${object.kind} ${object.metadata?.name}`;
  const key = `${object.apiVersion}/${object.kind}`;
  let checked = false;
  if (crds[key]) {
    checked = true;
    const validate = crdValidator(key);
    const valid = validate(object);
    if (!valid) for (const e of validate.errors) problems.push(`${id}: ${describe(e)}`);
  }
  if (key.startsWith("postgresql.cnpg.io/") || key.startsWith("rabbitmq.com/")) continue;
  const Model = await modelFor(object.apiVersion, object.kind);
  if (!Model) { if (!checked) problems.push(`${id}: no schema known for this kind`); continue; }
  try {
    new Model(object).validate();
  } catch (e) {
    const details = e.errors?.map(x => `${x.instancePath || x.dataPath || "/"} ${x.message}${x.params?.additionalProperty ? ` (${x.params.additionalProperty})` : ""}`).join("; ");
    problems.push(`${id}: ${details || e.message}`);
  }
}
for (const p of problems) console.log(p);
console.log(`${objects.length} objects, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
