import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { t, type Key } from "../shared/i18n";
import { formatDateTime } from "../shared/time";
import { ContactHistory } from "./ContactPanel";
import { ScriptWindow } from "./ScriptWindow";
import type { Disposition, ScriptSession } from "./types";

interface PlanEntry { contactId: string; projectId: string; name: string; phone: string; status: string; vip: boolean; why: string; nextContactAt?: string | null }
interface Plan { date: string; contacts: PlanEntry[] }

/**
 * The plan of the day (hot leads and complaints first) with preview dialing: read the card, then dial, with the script open.
 * Taking the plan draws it: the CRM holds its contacts for the agent, and a campaign over the plans of the day dials them.
 */
export function DailyPlan() {
  const [plan, setPlan] = useState<Plan | null>(null);
  const [selected, setSelected] = useState<PlanEntry | null>(null);
  const [error, setError] = useState("");
  const [drawn, setDrawn] = useState(false);
  async function take() {
    setError("");
    try {
      setPlan(await api.post<Plan>("/api/clients/plan", { date: plan!.date }));
      setDrawn(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }
  useEffect(() => {
    api.get<Plan>("/api/clients/plan").then(setPlan, (e) => setError(e instanceof ApiError ? e.message : String(e)));
  }, []);
  return (
    <div class="plan-layout">
      <section class="card plan" aria-labelledby="plan-title">
        <h2 id="plan-title">{t("plan.title")} {plan && <small>{plan.date}</small>}</h2>
        {error && <p role="alert" class="error">{error}</p>}
        {plan && plan.contacts.length === 0 && <p>{t("plan.empty")}</p>}
        {plan && plan.contacts.length > 0 && !drawn && <button type="button" onClick={take}>{t("plan.draw")}</button>}
        {drawn && <p role="status">{t("plan.drawn")}</p>}
        <ol class="plan-list">
          {plan?.contacts.map((c) => (
            <li>
              <button type="button" class="link" onClick={() => setSelected(c)} aria-pressed={selected?.contactId === c.contactId}>
                {c.name} {c.vip && "· VIP"}
              </button>
              <span class="why"> {t(`why.${c.why}` as Key) ?? c.why} · {t(`status.${c.status}` as Key) ?? c.status}</span>
            </li>
          ))}
        </ol>
      </section>
      {selected ? <Preview key={selected.contactId} entry={selected} /> : <p class="hint">{t("plan.hint")}</p>}
    </div>
  );
}

function Preview({ entry }: { entry: PlanEntry }) {
  const [session, setSession] = useState<ScriptSession | null>(null);
  const [dialed, setDialed] = useState(false);
  const [dispositions, setDispositions] = useState<Disposition[]>([]);
  const [code, setCode] = useState("");
  const [notes, setNotes] = useState("");
  const [version, setVersion] = useState(0);
  const [error, setError] = useState("");
  useEffect(() => {
    api.get<Disposition[]>(`/api/clients/projects/${entry.projectId}/dispositions`).then(setDispositions, () => setDispositions([]));
  }, [entry.projectId]);
  async function dial() {
    setDialed(true);
    try {
      setSession(await api.post<ScriptSession>(`/api/scripts/projects/${entry.projectId}/sessions`, { contactId: entry.contactId }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }
  async function record(e: Event) {
    e.preventDefault();
    try {
      await api.post(`/api/clients/contacts/${entry.contactId}/outcomes`, { disposition: code, notes: notes || null });
      if (session?.status === "open") await api.post(`/api/scripts/sessions/${session.id}/complete`, {}).catch(() => undefined);
      setVersion((v) => v + 1);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }
  return (
    <section class="card preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{entry.name}</h2>
      <p>{entry.phone} {entry.nextContactAt && <>· {t("outcome.nextContact")}: {formatDateTime(entry.nextContactAt)}</>}</p>
      {!dialed && <button type="button" class="primary" onClick={dial}>{t("plan.dial")} {entry.phone}</button>}
      {dialed && <ScriptWindow projectId={entry.projectId} session={session} onChange={setSession} />}
      {dialed && (
        <form onSubmit={record} class="outcome">
          <label>
            {t("outcome.disposition")}
            <select value={code} onChange={(e) => setCode(e.currentTarget.value)} required>
              <option value="">—</option>
              {dispositions.map((d) => <option value={d.code}>{d.label}</option>)}
            </select>
          </label>
          <label>{t("outcome.notes")}<textarea value={notes} onInput={(e) => setNotes(e.currentTarget.value)} /></label>
          <button type="submit">{t("outcome.save")}</button>
        </form>
      )}
      {error && <p role="alert" class="error">{error}</p>}
      <ContactHistory contactId={entry.contactId} version={version} />
    </section>
  );
}
