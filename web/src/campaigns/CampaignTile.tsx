import { t, type Key } from "../shared/i18n";
import { useContactsLeft } from "./contactsLeft";
import { capLevel, rate, useCampaignFigures } from "./figures";
import type { Campaign } from "./types";

/** One campaign's live figures: dialed, connected, drops, the abandon rate against its cap, the contacts left today, the agents. */
export function CampaignTile({ campaign }: { campaign: Campaign }) {
  const f = useCampaignFigures(campaign.id);
  const left = useContactsLeft(campaign.id);
  const notToday = left ? (Object.entries(left.notDialableToday) as [string, number][]).filter(([, n]) => n > 0) : [];
  const level = capLevel(f?.windowAbandonRatePercent ?? f?.abandonRatePercent, campaign.abandonCapPercent);
  return (
    <section class="card campaign-tile" aria-labelledby={`campaign-${campaign.id}`} data-testid="campaign-tile" data-campaign-id={campaign.id}>
      <h3 id={`campaign-${campaign.id}`}>
        {campaign.name} <small>· {t(`campaign.mode.${campaign.dialMode}` as Key)} · <span data-testid="campaign-state">{t(`campaign.state.${campaign.state}` as Key)}</span></small>
      </h3>
      <dl class="figures">
        <dt>{t("campaign.dialed")}</dt><dd data-testid="campaign-dialed">{f?.dialed ?? "–"}</dd>
        <dt>{t("campaign.ringing")}</dt><dd>{f?.ringing ?? "–"}</dd>
        <dt>{t("campaign.connected")}</dt><dd data-testid="campaign-connected">{f?.connected ?? "–"}</dd>
        <dt>{t("campaign.dropped")}</dt><dd data-testid="campaign-dropped">{f?.dropped ?? "–"}</dd>
        <dt>{t("campaign.abandonRate")}</dt>
        <dd class={`cap-${level}`} data-testid="campaign-abandon">
          {rate(f?.windowAbandonRatePercent)} ({f?.windowMinutes ?? 15} min) · {rate(f?.abandonRatePercent)} {t("campaign.sinceStart")} · {t("campaign.cap")} {rate(campaign.abandonCapPercent)}
        </dd>
        <dt>{t("campaign.left")}</dt>
        <dd data-testid="campaign-left">
          {left ? `${left.leftToday}${left.truncated ? "+" : ""} (${left.dialableNow} ${t("campaign.leftNow")} · ${left.dialableLaterToday} ${t("campaign.leftLater")})` : "–"}
          {notToday.length > 0 && (
            <> · {t("campaign.notToday")}: <span data-testid="campaign-not-today">{notToday.map(([reason, n]) => `${n} ${t(`campaign.reason.${reason}` as Key)}`).join(" · ")}</span></>
          )}
        </dd>
        <dt>{t("campaign.agents")}</dt>
        <dd>{f ? `${f.agentsIdle} ${t("campaign.idle")} · ${f.agentsOnCall} ${t("campaign.onCall")} · ${f.agentsInWrapUp} ${t("campaign.inWrapUp")}` : "–"}</dd>
      </dl>
    </section>
  );
}
