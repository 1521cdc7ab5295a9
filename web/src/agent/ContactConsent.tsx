import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { t, type Key } from "../shared/i18n";
import { formatDateTime } from "../shared/time";

interface ConsentEntry { id: string; purpose: string; granted: boolean; at: string; source: string; expiresAt: string | null }

const PURPOSES = ["data_processing", "calls", "recording"] as const;

/**
 * The contact's consent, purpose by purpose (the latest record counts, as the dialer reads it), and the agent's record of
 * what the person says on the call: given or withdrawn, with where it was said. Read only before the call (the preview card):
 * nobody has said anything yet.
 */
export function ContactConsent({ contactId, zone, readOnly = false }: { contactId: string; zone?: string; readOnly?: boolean }) {
  const [ledger, setLedger] = useState<ConsentEntry[] | null>(null);
  const [source, setSource] = useState(t("consent.onThisCall"));
  const [error, setError] = useState("");
  const load = () => api.get<ConsentEntry[]>(`/api/clients/contacts/${contactId}/consents`).then(setLedger, () => setLedger(null));
  useEffect(() => { load(); }, [contactId]);
  if (!ledger) return null;
  const latest = (purpose: string) => ledger.filter((e) => e.purpose === purpose).at(-1); // the API lists them oldest first
  async function record(purpose: string, granted: boolean) {
    setError("");
    try {
      await api.post(`/api/clients/contacts/${contactId}/consents`, { purpose, granted, source });
      await load();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }
  return (
    <section aria-labelledby={`consent-title-${contactId}`} class="consent">
      <h4 id={`consent-title-${contactId}`}>{t("consent.title")}</h4>
      <table>
        <tbody>
          {PURPOSES.map((p) => {
            const entry = latest(p);
            const expired = entry?.expiresAt && new Date(entry.expiresAt) <= new Date();
            const state = !entry ? "none" : !entry.granted ? "withdrawn" : expired ? "expired" : "given";
            return (
              <tr data-testid={`consent-${p}`}>
                <th scope="row">{t(`consent.${p}` as Key)}</th>
                <td data-testid="consent-state">{t(`consent.state.${state}` as Key)}</td>
                <td>{entry && <small>{formatDateTime(entry.at, zone)} · {entry.source}</small>}</td>
                {!readOnly && <td>
                  <button type="button" onClick={() => record(p, true)} aria-label={`${t("consent.give")}: ${t(`consent.${p}` as Key)}`}>{t("consent.give")}</button>
                  <button type="button" onClick={() => record(p, false)} aria-label={`${t("consent.withdraw")}: ${t(`consent.${p}` as Key)}`}>{t("consent.withdraw")}</button>
                </td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      {!readOnly && <label>{t("consent.source")}<input value={source} maxLength={200} onInput={(e) => setSource(e.currentTarget.value)} /></label>}
      {error && <p role="alert" class="error">{error}</p>}
    </section>
  );
}
