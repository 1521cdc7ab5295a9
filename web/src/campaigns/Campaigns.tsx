import { useEffect, useState } from "preact/hooks";
import { api, ApiError, type Session } from "../shared/api";
import { t } from "../shared/i18n";
import { CampaignForm } from "./CampaignForm";
import { CampaignTile } from "./CampaignTile";
import type { Campaign } from "./types";

/** Outbound campaigns: admins make them, admins and supervisors start, pause and stop them and watch their live figures. */
export function Campaigns({ session }: { session: Session }) {
  const admin = session.roles.includes("admin");
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [error, setError] = useState("");
  const [version, setVersion] = useState(0);
  useEffect(() => {
    api.get<Campaign[]>("/api/queue/campaigns").then(setCampaigns, (e) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [version]);

  async function change(campaign: Campaign, action: "start" | "pause" | "stop") {
    setError("");
    try {
      await api.post(`/api/queue/campaigns/${campaign.id}/${action}`, {});
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <div class="campaigns">
      <h1>{t("nav.campaigns")}</h1>
      {error && <p role="alert" class="error">{error}</p>}
      {campaigns.length === 0 && <p>{t("campaign.none")}</p>}
      {campaigns.map((c) => (
        <div class="campaign" data-testid="campaign" data-campaign-id={c.id}>
          <CampaignTile campaign={c} />
          <p class="campaign-facts">
            {t("campaign.callerId")} {c.callerId} · {t("campaign.agents")}: {c.agentIds.length} · {t("campaign.ring")} {c.ringSeconds} s
            {c.hours && <> · {t("campaign.hours")} {c.hours.from.slice(0, 5)}–{c.hours.to.slice(0, 5)}</>}
            {c.stateReason && <> · {c.stateReason}</>}
          </p>
          <div class="campaign-actions" role="group" aria-label={`${t("campaign.control")}: ${c.name}`}>
            <button type="button" onClick={() => change(c, "start")} disabled={c.state === "running" || c.state === "stopped"}>
              {c.state === "paused" ? t("campaign.resume") : t("campaign.start")}
            </button>
            <button type="button" onClick={() => change(c, "pause")} disabled={c.state !== "running"}>{t("campaign.pause")}</button>
            <button type="button" onClick={() => change(c, "stop")} disabled={c.state === "stopped"}>{t("campaign.stop")}</button>
          </div>
        </div>
      ))}
      {admin && <CampaignForm onCreated={() => setVersion((v) => v + 1)} />}
    </div>
  );
}
