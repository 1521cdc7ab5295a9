import { useEffect, useState } from "preact/hooks";
import { t } from "../shared/i18n";

const DOCUMENTS = ["clients", "queue", "scripts", "reporting", "v1"];
interface Operation { method: string; path: string; id: string; summary?: string; tag: string; body?: unknown }

/**
 * The API explorer: every operation of every service's OpenAPI document (as the gateway serves them), by tag, with its
 * summary and the link to the document itself. API clients sign in with POST /api/auth/token and send a bearer token.
 */
export function ApiExplorer() {
  const [document, setDocument] = useState("clients");
  const [operations, setOperations] = useState<Operation[]>([]);
  const [filter, setFilter] = useState("");
  useEffect(() => {
    fetch(`/openapi/${document}.json`).then((r) => r.json()).then((doc) => {
      const list: Operation[] = [];
      for (const [path, methods] of Object.entries(doc.paths ?? {}) as [string, Record<string, any>][]) {
        for (const [method, op] of Object.entries(methods)) {
          if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
          list.push({ method: method.toUpperCase(), path, id: op.operationId, summary: op.summary ?? op.description, tag: op.tags?.[0] ?? "", body: op.requestBody?.content?.["application/json"]?.schema });
        }
      }
      setOperations(list);
    }, () => setOperations([]));
  }, [document]);
  const shown = operations.filter((o) => !filter || `${o.path} ${o.id} ${o.summary}`.toLowerCase().includes(filter.toLowerCase()));
  return (
    <div class="explorer">
      <h1>{t("nav.api")}</h1>
      <p>{t("api.intro")} <code>POST /api/auth/token</code>. <a href="/scalar">{t("api.scalar")}</a></p>
      <div class="filters">
        <label>{t("api.document")}<select value={document} onChange={(e) => setDocument(e.currentTarget.value)}>{DOCUMENTS.map((d) => <option value={d}>{d}</option>)}</select></label>
        <label>{t("api.filter")}<input value={filter} onInput={(e) => setFilter(e.currentTarget.value)} /></label>
        <a href={`/openapi/${document}.json`}>/openapi/{document}.json</a>
      </div>
      <table>
        <thead><tr><th scope="col">{t("api.method")}</th><th scope="col">{t("api.path")}</th><th scope="col">{t("api.summary")}</th></tr></thead>
        <tbody>{shown.map((o) => <tr><td><code class={`method ${o.method.toLowerCase()}`}>{o.method}</code></td><td><code>{o.path}</code><br /><small>{o.tag} · {o.id}</small></td><td>{o.summary}</td></tr>)}</tbody>
      </table>
    </div>
  );
}
