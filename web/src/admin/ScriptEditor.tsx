import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { t } from "../shared/i18n";
import { edges, layout, stepOfError, type ScriptDocument } from "./scriptGraph";

// What the service adds to a draft it reads back (targets and texts it found): shown in the graph, not in the source.
const DERIVED = new Set(["links", "texts", "isChoice", "isTerminal"]);
const withoutDerived = (key: string, value: unknown) => (DERIVED.has(key) ? undefined : value);

interface Problem { stepId: string | null; field: string; code: string; message: string }
interface Script { id: string; projectId: string; name: string; revision: number; draft: ScriptDocument; problems: Problem[]; activeVersion: number | null; latestVersion: number }

/**
 * The script editor: the draft as JSON beside its graph; validation and publishing show every error on its step
 * (red in the graph, listed under it). Saves name the revision they started from (If-Match): a colleague's newer edit is 412.
 */
export function ScriptEditor({ scriptId }: { scriptId: string }) {
  const [script, setScript] = useState<Script | null>(null);
  const [text, setText] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const [selected, setSelected] = useState<string | null>(null);

  async function load() {
    const s = await api.get<Script>(`/api/scripts/scripts/${scriptId}`);
    setScript(s);
    setText(JSON.stringify(s.draft, withoutDerived, 2));
    setProblems(s.problems);
  }
  useEffect(() => {
    load().catch((e) => setError(String(e)));
  }, [scriptId]);

  let doc: ScriptDocument | null = null;
  let parseError = "";
  try {
    doc = JSON.parse(text) as ScriptDocument;
  } catch (e) {
    parseError = String(e);
  }

  function refused(e: unknown) {
    if (e instanceof ApiError) {
      const listed = (e.body?.scriptErrors as Problem[] | undefined) ?? Object.entries(e.errors ?? {}).map(([key, messages]) => ({
        stepId: stepOfError(key), field: key, code: "", message: messages.join(" "),
      }));
      setProblems(listed);
      setError(e.message);
    } else setError(String(e));
  }
  async function save(): Promise<boolean> {
    setError("");
    setStatus("");
    try {
      const saved = await api.put<Script>(`/api/scripts/scripts/${scriptId}`, JSON.parse(text), { "If-Match": `"${script!.revision}"` });
      setScript(saved);
      setProblems(saved.problems);
      setStatus(t("editor.saved"));
      return true;
    } catch (e) {
      refused(e);
      return false;
    }
  }
  async function validate() {
    if (!(await save())) return;
    try {
      await api.post(`/api/scripts/scripts/${scriptId}/validate`);
      setProblems([]);
      setStatus(t("editor.valid"));
    } catch (e) {
      refused(e);
    }
  }
  async function publish() {
    if (!(await save())) return;
    try {
      const published = await api.post<{ version: number }>(`/api/scripts/scripts/${scriptId}/publish`);
      setProblems([]);
      setStatus(`${t("editor.published")} ${published.version}`);
      await load();
    } catch (e) {
      refused(e);
    }
  }

  if (!script) return error ? <p role="alert" class="error">{error}</p> : <p>{t("loading")}</p>;
  const placed = doc ? layout(doc) : [];
  const errorSteps = new Set(problems.map((p) => p.stepId).filter(Boolean));
  const W = 150, H = 56, GX = 60, GY = 24;
  const pos = new Map(placed.map((p) => [p.step.id, { x: 10 + p.column * (W + GX), y: 10 + p.row * (H + GY) }]));
  const width = Math.max(300, ...[...pos.values()].map((p) => p.x + W + 10));
  const height = Math.max(120, ...[...pos.values()].map((p) => p.y + H + 10));
  return (
    <div class="editor">
      <h1>{script.name} <small>{t("editor.version")} {script.activeVersion ?? "–"} · {t("editor.revision")} {script.revision}</small></h1>
      <div class="editor-actions">
        <button type="button" onClick={save}>{t("editor.save")}</button>
        <button type="button" onClick={validate}>{t("editor.validate")}</button>
        <button type="button" class="primary" onClick={publish}>{t("editor.publish")}</button>
        <span role="status" data-testid="editor-status">{status}</span>
      </div>
      {error && <p role="alert" class="error">{error}</p>}
      <div class="editor-panes">
        <label class="source">
          {t("editor.source")}
          <textarea value={text} onInput={(e) => setText(e.currentTarget.value)} spellcheck={false} rows={30} data-testid="script-source" />
          {parseError && <span class="error">{parseError}</span>}
        </label>
        <figure class="graph">
          <figcaption>{t("editor.graph")}</figcaption>
          <svg width={width} height={height} role="img" aria-label={t("editor.graph")}>
            <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555" /></marker></defs>
            {doc && edges(doc).filter((e) => pos.has(e.from) && pos.has(e.to)).map((e) => {
              const a = pos.get(e.from)!, b = pos.get(e.to)!;
              return <line x1={a.x + W} y1={a.y + H / 2} x2={b.x} y2={b.y + H / 2} stroke="#555" marker-end="url(#arrow)" />;
            })}
            {placed.map((p) => {
              const { x, y } = pos.get(p.step.id)!;
              const bad = errorSteps.has(p.step.id);
              return (
                <g class={`node ${p.step.type} ${bad ? "has-error" : ""}`} data-step={p.step.id} onClick={() => setSelected(p.step.id)}>
                  <rect x={x} y={y} width={W} height={H} rx="6" />
                  <text x={x + 8} y={y + 20}>{p.step.id}</text>
                  <text x={x + 8} y={y + 40} class="type">{p.step.type}{bad ? " ⚠" : ""}</text>
                </g>
              );
            })}
          </svg>
        </figure>
      </div>
      {problems.length > 0 && (
        <section aria-labelledby="problems-title" class="problems">
          <h2 id="problems-title">{t("editor.problems")} ({problems.length})</h2>
          <ul data-testid="script-problems">
            {problems.map((p) => (
              <li class={selected && p.stepId === selected ? "selected" : ""}>
                <strong>{p.stepId ?? t("editor.wholeScript")}</strong>: {p.message} <code>{p.field}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
