import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { t } from "../shared/i18n";
import { useProjects } from "../shared/projects";
import { StrategySelect } from "./Onboarding";

interface Queue {
  id: string; name: string; strategy: string; serviceLevelPercent: number; serviceLevelSeconds: number; wrapUpSeconds: number;
  requiredSkills: { skill: string; minimumProficiency: number }[]; maxWaitSeconds: number | null; maxLength: number | null; overflowQueueId: string | null;
  whenNoAgents: string; shortAbandonSeconds: number; shortAbandons: string;
}

const NO_AGENT_RULES = ["wait", "overflow", "reject"] as const;
const SHORT_ABANDONS = ["counted", "excluded"] as const;

/**
 * A project's queues: strategy, required skills, service level target, wrap-up, the longest wait and queue length, where
 * calls overflow to and what happens with no agent signed in, and how short abandons count in the abandonment rate.
 * Saving sends the form's fields only; the queue keeps the others (the API's PUT changes the fields it is given).
 */
export function QueueSetup() {
  const projects = useProjects();
  const [projectId, setProjectId] = useState("");
  const [queues, setQueues] = useState<Queue[]>([]);
  useEffect(() => {
    if (!projectId && projects.length) setProjectId(projects[0].id);
  }, [projects]);
  const load = () => api.get<Queue[]>(`/api/queue/projects/${projectId}/queues`).then(setQueues, () => setQueues([]));
  useEffect(() => {
    if (projectId) load();
  }, [projectId]);
  return (
    <div>
      <h1>{t("nav.queues")}</h1>
      <label>{t("report.project")}<select value={projectId} onChange={(e) => setProjectId(e.currentTarget.value)}>{projects.map((p) => <option value={p.id}>{p.name}</option>)}</select></label>
      {queues.map((q) => <QueueForm key={q.id} queue={q} others={queues.filter((o) => o.id !== q.id)} onSaved={load} />)}
    </div>
  );
}

function QueueForm({ queue, others, onSaved }: { queue: Queue; others: Queue[]; onSaved: () => void }) {
  const [form, setForm] = useState({
    name: queue.name, strategy: queue.strategy, serviceLevelPercent: String(queue.serviceLevelPercent), serviceLevelSeconds: String(queue.serviceLevelSeconds),
    wrapUpSeconds: String(queue.wrapUpSeconds), skills: (queue.requiredSkills ?? []).map((s) => `${s.skill}:${s.minimumProficiency}`).join(", "),
    maxWaitSeconds: queue.maxWaitSeconds ? String(queue.maxWaitSeconds) : "", maxLength: queue.maxLength ? String(queue.maxLength) : "",
    overflowQueueId: queue.overflowQueueId ?? "", whenNoAgents: queue.whenNoAgents, shortAbandonSeconds: String(queue.shortAbandonSeconds),
    shortAbandons: queue.shortAbandons,
  });
  const [message, setMessage] = useState("");
  const set = (name: keyof typeof form) => (e: Event) => setForm({ ...form, [name]: (e.currentTarget as HTMLInputElement).value });
  async function save(e: Event) {
    e.preventDefault();
    try {
      await api.put(`/api/queue/queues/${queue.id}`, {
        name: form.name, strategy: form.strategy, serviceLevelPercent: Number(form.serviceLevelPercent), serviceLevelSeconds: Number(form.serviceLevelSeconds),
        wrapUpSeconds: Number(form.wrapUpSeconds), maxWaitSeconds: form.maxWaitSeconds ? Number(form.maxWaitSeconds) : null,
        maxLength: form.maxLength ? Number(form.maxLength) : null, overflowQueueId: form.overflowQueueId || null, whenNoAgents: form.whenNoAgents,
        shortAbandonSeconds: Number(form.shortAbandonSeconds), shortAbandons: form.shortAbandons,
        requiredSkills: form.skills.split(",").map((s) => s.trim()).filter(Boolean).map((s) => ({ skill: s.split(":")[0], minimumProficiency: Number(s.split(":")[1] ?? 1) })),
      });
      setMessage(t("editor.saved"));
      onSaved();
    } catch (err) {
      setMessage(err instanceof ApiError ? `${err.message} ${Object.values(err.errors ?? {}).flat().join(" ")}` : String(err));
    }
  }
  return (
    <form onSubmit={save} class="grid-form card" aria-label={queue.name}>
      <label>{t("queue.name")}<input value={form.name} onInput={set("name")} required /></label>
      <StrategySelect value={form.strategy} onChange={set("strategy")} />
      <label>{t("queue.slPercent")}<input type="number" value={form.serviceLevelPercent} onInput={set("serviceLevelPercent")} /></label>
      <label>{t("queue.slSeconds")}<input type="number" value={form.serviceLevelSeconds} onInput={set("serviceLevelSeconds")} /></label>
      <label>{t("queue.wrapUp")}<input type="number" value={form.wrapUpSeconds} onInput={set("wrapUpSeconds")} /></label>
      <label>{t("queue.skills")}<input value={form.skills} onInput={set("skills")} placeholder="english:3, german:5" /></label>
      <label>{t("queue.maxWait")}<input type="number" value={form.maxWaitSeconds} onInput={set("maxWaitSeconds")} /></label>
      <label>{t("queue.maxLength")}<input type="number" min="1" value={form.maxLength} onInput={set("maxLength")} /></label>
      <label>{t("queue.overflow")}<select value={form.overflowQueueId} onChange={set("overflowQueueId")}><option value="">—</option>{others.map((o) => <option value={o.id}>{o.name}</option>)}</select></label>
      <label>{t("queue.whenNoAgents")}<select value={form.whenNoAgents} onChange={set("whenNoAgents")}>{NO_AGENT_RULES.map((r) => <option value={r}>{t(`queue.whenNoAgents.${r}`)}</option>)}</select></label>
      <label>{t("queue.shortAbandonSeconds")}<input type="number" min="0" max="600" value={form.shortAbandonSeconds} onInput={set("shortAbandonSeconds")} /></label>
      <label>{t("queue.shortAbandons")}<select value={form.shortAbandons} onChange={set("shortAbandons")}>{SHORT_ABANDONS.map((c) => <option value={c}>{t(`queue.shortAbandons.${c}`)}</option>)}</select></label>
      <button type="submit">{t("editor.save")}</button>
      <span role="status">{message}</span>
    </form>
  );
}
