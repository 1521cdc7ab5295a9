import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { t, type Key } from "../shared/i18n";
import { ContactConsent } from "./ContactConsent";
import { ContactHistory } from "./ContactPanel";
import type { Campaign, CampaignDial } from "../campaigns/types";

const SKIP_REASONS = ["card_incomplete", "called_recently", "needs_other_language", "other"] as const;

interface ActiveScript { name?: string; document: { start: string; steps: { id: string; text?: string }[] } }

/**
 * Preview dialing: for each running preview campaign the agent works, the next contact's card (checked and leased by the
 * CRM at that moment), their consent per purpose, their history and the script's opening, then Dial (the platform dials with the agent's phone; the
 * answered call pops like an inbound one) or Skip with a reason.
 */
export function CampaignPreview({ available }: { available: boolean }) {
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  useEffect(() => {
    api.get<Campaign[]>("/api/queue/campaigns").then((all) => setCampaigns(all.filter((c) => c.state === "running" && c.dialMode === "preview")), () => setCampaigns([]));
  }, []);
  if (campaigns.length === 0) return null;
  return (
    <section class="campaign-preview" aria-labelledby="preview-campaigns">
      <h2 id="preview-campaigns">{t("preview.title")}</h2>
      {campaigns.map((c) => <PreviewOf key={c.id} campaign={c} available={available} />)}
    </section>
  );
}

function PreviewOf({ campaign, available }: { campaign: Campaign; available: boolean }) {
  const [dial, setDial] = useState<CampaignDial | null>(null);
  const [script, setScript] = useState<ActiveScript | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");
  const [info, setInfo] = useState("");
  useEffect(() => {
    api.get<ActiveScript>(`/api/scripts/projects/${campaign.projectId}/active-script`).then(setScript, () => setScript(null));
  }, [campaign.projectId]);

  async function act(action: () => Promise<void>) {
    setError("");
    setInfo("");
    try {
      await action();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }
  const next = () => act(async () => setDial(await api.post<CampaignDial>(`/api/queue/campaigns/${campaign.id}/preview`, {})));
  const call = () => act(async () => {
    await api.post<CampaignDial>(`/api/queue/campaign-dials/${dial!.id}/dial`, {});
    setDial(null); // the call is on the desktop now (the push channel shows it)
  });
  const skip = (e: Event) => {
    e.preventDefault();
    act(async () => {
      await api.post(`/api/queue/campaign-dials/${dial!.id}/skip`, { reason });
      setInfo(t("preview.skipped"));
      setDial(null);
      setReason("");
    });
  };
  const opening = script?.document.steps.find((s) => s.id === script.document.start)?.text;

  return (
    <div class="card preview" data-testid="campaign-preview">
      <h3>{campaign.name}</h3>
      {!dial && <button type="button" class="primary" onClick={next}>{t("preview.next")}</button>}
      {dial && (
        <>
          <dl class="facts" aria-label={t("contact.title")}>
            <dt>{t("contact.name")}</dt><dd data-testid="preview-name">{dial.contactName}</dd>
            <dt>{t("contact.phone")}</dt><dd data-testid="preview-number">{dial.number}</dd>
            {dial.timeZone && (<><dt>{t("onboarding.timeZone")}</dt><dd>{dial.timeZone}</dd></>)}
          </dl>
          {opening && (
            <section aria-labelledby={`opening-${dial.id}`} class="script-opening">
              <h4 id={`opening-${dial.id}`}>{t("preview.opening")}</h4>
              <p data-testid="preview-script">{opening.replaceAll("{{contact.name}}", dial.contactName ?? "")}</p>
            </section>
          )}
          <div class="preview-actions">
            <button type="button" class="primary" onClick={call} disabled={!available}>{t("plan.dial")} {dial.number}</button>
            {!available && <small>{t("preview.beAvailable")}</small>}
            <form onSubmit={skip} class="preview-skip">
              <label>{t("preview.skipReason")}
                <select value={reason} onChange={(e) => setReason(e.currentTarget.value)} required>
                  <option value="">—</option>
                  {SKIP_REASONS.map((r) => <option value={r}>{t(`skip.${r}` as Key)}</option>)}
                </select>
              </label>
              <button type="submit">{t("preview.skip")}</button>
            </form>
          </div>
          <ContactConsent contactId={dial.contactId} zone={dial.timeZone ?? undefined} readOnly />
          <ContactHistory contactId={dial.contactId} zone={dial.timeZone ?? undefined} version={0} />
        </>
      )}
      {info && <p role="status">{info}</p>}
      {error && <p role="alert" class="error">{error}</p>}
    </div>
  );
}
