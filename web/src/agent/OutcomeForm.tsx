import { useEffect, useRef, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { t } from "../shared/i18n";
import { useShortcuts } from "../shared/shortcuts";
import { fromZonedInput } from "../shared/time";
import { useProject } from "../shared/projects";
import { dropDraft, loadDraft, saveDraft } from "../shared/drafts";
import type { Disposition, ScreenPop, ScriptSession } from "./types";

/**
 * The call's result, at once: disposition, next contact date (in the project's zone; required where the disposition says so)
 * and notes. Saving records the outcome on the contact, closes the script session and, in wrap-up, ends the wrap-up.
 * Until then what the agent typed is kept in the browser (shared/drafts.ts): an expired session or a reload loses nothing.
 */
export function OutcomeForm({ call, contactId, session, talkSeconds, wrapUp, ended, onRecorded, onFinished }: {
  call: ScreenPop; contactId: string | null; session: ScriptSession | null; talkSeconds: () => number; wrapUp: boolean; ended: boolean;
  onRecorded: () => void; onFinished: () => void;
}) {
  const project = useProject(call.projectId);
  const [dispositions, setDispositions] = useState<Disposition[]>([]);
  const [draft] = useState(() => loadDraft(call.callId));
  const [code, setCode] = useState(draft?.code ?? "");
  const [next, setNext] = useState(draft?.next ?? "");
  const [notes, setNotes] = useState(draft?.notes ?? "");
  const [error, setError] = useState("");
  const [recorded, setRecorded] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  useShortcuts({ "Alt+D": () => select.current?.focus() });

  useEffect(() => {
    api.get<Disposition[]>(`/api/clients/projects/${call.projectId}/dispositions`).then(setDispositions, () => setDispositions([]));
  }, [call.projectId]);
  useEffect(() => {
    if (!code && session?.step.suggestedDisposition) setCode(session.step.suggestedDisposition);
  }, [session?.step.suggestedDisposition]);

  useEffect(() => {
    if (!contactId || recorded || (!code && !next && !notes)) return;
    saveDraft({
      callId: call.callId, projectId: call.projectId, contactId, callerNumber: call.callerNumber, code, next, notes,
      durationSeconds: draft?.durationSeconds ?? (wrapUp || ended ? Math.round(talkSeconds()) : null),
    });
  }, [code, next, notes, recorded]);

  const chosen = dispositions.find((d) => d.code === code);
  async function save(e: Event) {
    e.preventDefault();
    setError("");
    try {
      if (contactId && !recorded) {
        await api.post(`/api/clients/contacts/${contactId}/outcomes`, {
          disposition: code, notes: notes || null, callId: call.callId, durationSeconds: draft?.durationSeconds ?? Math.round(talkSeconds()),
          nextContactAt: next ? fromZonedInput(next, project?.timeZone) : null,
        });
        dropDraft(call.callId);
        setRecorded(true);
        onRecorded();
      }
      if (session && session.status === "open") {
        await api.post(`/api/scripts/sessions/${session.id}/complete`, {}).catch(() => undefined);
      }
      if (wrapUp) await api.post(`/api/queue/calls/${call.callId}/wrapup-done`, {});
      if (wrapUp || ended) onFinished();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }

  return (
    <form class="card outcome" onSubmit={save} aria-labelledby="outcome-title">
      <h3 id="outcome-title">{t("outcome.title")}</h3>
      {!contactId && <p>{t("outcome.noContact")}</p>}
      {contactId && (
        <>
          <label>
            {t("outcome.disposition")}
            <select ref={select} value={code} onChange={(e) => setCode(e.currentTarget.value)} required aria-keyshortcuts="Alt+D" disabled={recorded}>
              <option value="">—</option>
              {dispositions.map((d) => <option value={d.code}>{d.label}</option>)}
            </select>
          </label>
          <label>
            {t("outcome.nextContact")} {project && <small>({project.timeZone})</small>}
            <input type="datetime-local" value={next} onInput={(e) => setNext(e.currentTarget.value)} required={chosen?.requiresNextContact ?? false} disabled={recorded} />
          </label>
          <label>
            {t("outcome.notes")}
            <textarea value={notes} onInput={(e) => setNotes(e.currentTarget.value)} maxLength={2000} disabled={recorded} />
          </label>
        </>
      )}
      {recorded && <p role="status">{t("outcome.recorded")}</p>}
      <button type="submit" class="primary" disabled={!wrapUp && !ended && (recorded || !contactId)}>
        {wrapUp ? t("outcome.saveAndFinish") : t("outcome.save")}
      </button>
      {error && <p role="alert" class="error">{error}</p>}
    </form>
  );
}
