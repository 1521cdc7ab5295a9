// Validates Kubernetes objects read as a JSON array from the file named by the first argument.
// Kubernetes kinds, KEDA and External Secrets: the schemas of kubernetes-models; CloudNativePG and the RabbitMQ cluster
// operator: the CRD schemas kept in crds/ (checked with ajv). Prints one line per problem; exit 1 when any, 2 on misuse.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv from "ajv";

const require = createRequire(import.meta.url);
const crds = {
  "postgresql.cnpg.io/v1/Cluster": "./crds/postgresql.cnpg.io_v1_cluster.json",
  "rabbitmq.com/v1beta1/RabbitmqCluster": "./crds/rabbitmq.com_v1beta1_rabbitmqcluster.json",
};
const ajv = new Ajv({ allErrors: true, strict: false });

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

const objects = JSON.parse(readFileSync(process.argv[2] ?? "/dev/stdin", "utf8"));
if (!Array.isArray(objects)) { console.log("input: not an array"); process.exit(2); }
const problems = [];
for (const object of objects) {
  const id = `${object.apiVersion} ${object.kind} ${object.metadata?.name}`;
  const crd = crds[`${object.apiVersion}/${object.kind}`];
  if (crd) {
    const validate = ajv.compile(require(crd));
    if (!validate(object)) {
      for (const e of validate.errors) problems.push(`${id}: ${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`);
    }
    continue;
  }
  const Model = await modelFor(object.apiVersion, object.kind);
  if (!Model) { problems.push(`${id}: no schema known for this kind`); continue; }
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
