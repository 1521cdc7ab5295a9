import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { t, type Key } from "../shared/i18n";
import { useProjects } from "../shared/projects";
import type { Agent } from "../agent/types";

const MODES = ["preview", "progressive", "predictive"] as const;
const SOURCES = ["project_list", "call_list", "search", "daily_plan"] as const;
const STATUSES = ["potential", "hot_potential", "accompanied"] as const;

interface CallList { id: string; fileName: string; status: string; imported: number; createdAt: string }

/**
 * A new campaign (a draft): project, name, dial mode, caller id, whom it calls (the whole project, one call list, a search
 * by status and VIP, or the plans of the day of its agents), its agents, hours in the contact's local time, abandon cap.
 */
export function CampaignForm({ onCreated }: { onCreated: () => void }) {
  const projects = useProjects();
  const [agents, setAgents] = useState<Agent[]>([]);
  const [form, setForm] = useState({ projectId: "", name: "", dialMode: "progressive", callerId: "", from: "", to: "", cap: "3", ring: "25" });
  const [chosen, setChosen] = useState<string[]>([]);
  const [source, setSource] = useState<{ kind: string; callListId: string; statuses: string[]; vipOnly: boolean }>(
    { kind: "project_list", callListId: "", statuses: [], vipOnly: false });
  const [callLists, setCallLists] = useState<CallList[]>([]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState("");
  useEffect(() => {
    api.get<Agent[]>("/api/queue/agents").then(setAgents, () => setAgents([]));
  }, []);
  useEffect(() => {
    setCallLists([]);
    if (form.projectId) api.get<CallList[]>(`/api/clients/projects/${form.projectId}/imports`).then(setCallLists, () => setCallLists([]));
  }, [form.projectId]);
  const set = (field: keyof typeof form) => (e: Event) => setForm({ ...form, [field]: (e.currentTarget as HTMLInputElement).value });

  async function create(e: Event) {
    e.preventDefault();
    setError("");
    setErrors({});
    try {
      await api.post("/api/queue/campaigns", {
        projectId: form.projectId, name: form.name, dialMode: form.dialMode, callerId: form.callerId, agentIds: chosen,
        source: source.kind === "project_list" || source.kind === "daily_plan" ? { kind: source.kind }
          : { kind: source.kind, callListId: source.kind === "call_list" ? source.callListId || null : null, statuses: source.statuses, vipOnly: source.vipOnly },
        hours: form.from && form.to ? { from: form.from, to: form.to } : null,
        abandonCapPercent: Number(form.cap), ringSeconds: Number(form.ring),
      });
      setForm({ ...form, name: "" });
      onCreated();
    } catch (err) {
      if (err instanceof ApiError && err.errors) setErrors(err.errors);
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }
  const problem = (field: string) => errors[field]?.length ? <span class="error" id={`${field}-error`}>{errors[field].join(" ")}</span> : null;

  return (
    <form class="card campaign-form" onSubmit={create} aria-labelledby="new-campaign">
      <h2 id="new-campaign">{t("campaign.new")}</h2>
      <label>{t("onboarding.project")}
        <select value={form.projectId} onChange={set("projectId")} required>
          <option value="">—</option>
          {projects.map((p) => <option value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label>{t("campaign.name")}<input value={form.name} onInput={set("name")} required maxLength={120} />{problem("name")}</label>
      <label>{t("campaign.dialMode")}
        <select value={form.dialMode} onChange={set("dialMode")}>
          {MODES.map((m) => <option value={m}>{t(`campaign.mode.${m}` as Key)}</option>)}
        </select>
        {problem("dialMode")}
      </label>
      <label>{t("campaign.callerId")}<input value={form.callerId} onInput={set("callerId")} required placeholder="+420 222 000 111" />{problem("callerId")}</label>
      <label>{t("campaign.source")}
        <select value={source.kind} aria-label={t("campaign.source")} onChange={(e) => setSource({ ...source, kind: e.currentTarget.value })}>
          {SOURCES.map((k) => <option value={k}>{t(`campaign.source.${k}` as Key)}</option>)}
        </select>
        {source.kind === "daily_plan" && <small>{t("campaign.source.daily_planHint")}</small>}
        {problem("source.kind")}
      </label>
      {source.kind === "call_list" && (
        <label>{t("campaign.callList")}
          <select value={source.callListId} aria-label={t("campaign.callList")} onChange={(e) => setSource({ ...source, callListId: e.currentTarget.value })} required>
            <option value="">—</option>
            {callLists.map((l) => <option value={l.id}>{l.fileName} · {new Date(l.createdAt).toLocaleDateString()} · {l.imported} ({l.status})</option>)}
          </select>
          {problem("source.callListId")}
        </label>
      )}
      {(source.kind === "search" || source.kind === "call_list") && (
        <fieldset>
          <legend>{t("campaign.statuses")}</legend>
          {STATUSES.map((s) => (
            <label class="check">
              <input type="checkbox" checked={source.statuses.includes(s)}
                onChange={(e) => setSource({ ...source, statuses: e.currentTarget.checked ? [...source.statuses, s] : source.statuses.filter((x) => x !== s) })} />
              {t(`status.${s}` as Key)}
            </label>
          ))}
          <label class="check">
            <input type="checkbox" checked={source.vipOnly} onChange={(e) => setSource({ ...source, vipOnly: e.currentTarget.checked })} />
            {t("campaign.vipOnly")}
          </label>
        </fieldset>
      )}
      <fieldset>
        <legend>{t("campaign.agents")}</legend>
        {agents.map((a) => (
          <label class="check">
            <input type="checkbox" checked={chosen.includes(a.id)}
              onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, a.id] : chosen.filter((id) => id !== a.id))} />
            {a.name}
          </label>
        ))}
        {problem("agentIds")}
      </fieldset>
      <label>{t("campaign.hoursFrom")}<input type="time" value={form.from} onInput={set("from")} /></label>
      <label>{t("campaign.hoursTo")}<input type="time" value={form.to} onInput={set("to")} />{problem("hours")}</label>
      <label>{t("campaign.capPercent")}<input type="number" min="0.1" max="100" step="0.1" value={form.cap} onInput={set("cap")} />{problem("abandonCapPercent")}</label>
      <label>{t("campaign.ringSeconds")}<input type="number" min="5" max="120" value={form.ring} onInput={set("ring")} />{problem("ringSeconds")}</label>
      <button type="submit" class="primary">{t("campaign.create")}</button>
      {error && <p role="alert" class="error">{error}</p>}
    </form>
  );
}
