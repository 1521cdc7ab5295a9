import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { t, type Key } from "../shared/i18n";
import { useProjects } from "../shared/projects";
import type { Agent } from "../agent/types";

const MODES = ["preview", "progressive", "predictive"] as const;

/** A new campaign (a draft): project, name, dial mode, caller id, its agents, hours in the contact's local time, abandon cap. */
export function CampaignForm({ onCreated }: { onCreated: () => void }) {
  const projects = useProjects();
  const [agents, setAgents] = useState<Agent[]>([]);
  const [form, setForm] = useState({ projectId: "", name: "", dialMode: "progressive", callerId: "", from: "", to: "", cap: "3", ring: "25" });
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState("");
  useEffect(() => {
    api.get<Agent[]>("/api/queue/agents").then(setAgents, () => setAgents([]));
  }, []);
  const set = (field: keyof typeof form) => (e: Event) => setForm({ ...form, [field]: (e.currentTarget as HTMLInputElement).value });

  async function create(e: Event) {
    e.preventDefault();
    setError("");
    setErrors({});
    try {
      await api.post("/api/queue/campaigns", {
        projectId: form.projectId, name: form.name, dialMode: form.dialMode, callerId: form.callerId, agentIds: chosen,
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
      </label>
      <label>{t("campaign.callerId")}<input value={form.callerId} onInput={set("callerId")} required placeholder="+420 222 000 111" />{problem("callerId")}</label>
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
