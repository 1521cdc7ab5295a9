import { useEffect, useState } from "preact/hooks";
import { api } from "../shared/api";
import { t, type Key } from "../shared/i18n";
import { formatTime } from "../shared/time";
import { rate } from "../campaigns/figures";

// Reporting's campaign report (docs/dialer.md, "Campaign report"): per campaign the dials with a result in the range.
interface CampaignFigures {
  campaignId: string; dialed: number; connected: number; human: number; machine: number; dropped: number;
  abandonRatePercent: number; abandonCapPercent: number; overCap: boolean;
  worstWindowAbandonRatePercent: number | null; worstWindowEndedAt: string | null; worstWindowPeople: number; worstWindowDrops: number;
  worstWindowOverCap: boolean; worstWindowMinutes: number; results: Record<string, number>; outcomes: Record<string, number>;
}
interface Report { projectId: string; from: string; to: string; campaigns: CampaignFigures[] }

/** The project's campaigns over the page's day: one table row per campaign with dials, people, drops, rates against the cap. */
export function CampaignReport({ projectId, date, range, zone }: { projectId: string; date: string; range: string; zone: string }) {
  const [report, setReport] = useState<Report | null>(null);
  const names = useLabels(`/api/queue/campaigns?projectId=${projectId}`, (c: { id: string; name: string }) => [c.id, c.name]);
  const dispositions = useLabels(`/api/clients/projects/${projectId}/dispositions`, (d: { code: string; label: string }) => [d.code, d.label]);
  useEffect(() => {
    setReport(null);
    if (date) api.get<Report>(`/api/reporting/projects/${projectId}/campaigns${range}`).then(setReport, () => setReport(null));
  }, [projectId, range]);
  if (!report) return null;
  return (
    <section class="campaign-report" aria-labelledby="campaign-report-title" data-testid="campaign-report">
      <h2 id="campaign-report-title">{t("report.campaigns")}</h2>
      {report.campaigns.length === 0 ? <p>{t("report.noCampaignDials")}</p> : (
        <table>
          <caption>{t("report.campaignsOn")} {date}</caption>
          <thead>
            <tr>
              <th scope="col">{t("report.campaign")}</th><th scope="col">{t("campaign.dialed")}</th><th scope="col">{t("campaign.connected")}</th>
              <th scope="col">{t("report.peopleReached")}</th><th scope="col">{t("report.machines")}</th><th scope="col">{t("campaign.dropped")}</th>
              <th scope="col">{t("campaign.abandonRate")}</th><th scope="col">{t("report.worstWindow")}</th>
              <th scope="col">{t("report.results")}</th><th scope="col">{t("report.outcomes")}</th>
            </tr>
          </thead>
          <tbody>
            {report.campaigns.map((c) => (
              <tr data-campaign-id={c.campaignId}>
                <th scope="row">{names[c.campaignId] ?? `${t("report.campaign")} ${c.campaignId.slice(0, 8)}`}</th>
                <td data-testid="report-dialed">{c.dialed}</td><td data-testid="report-connected">{c.connected}</td>
                <td data-testid="report-people">{c.human}</td><td data-testid="report-machines">{c.machine}</td>
                <td data-testid="report-dropped">{c.dropped}</td>
                <td data-testid="report-abandon" class={c.overCap ? "cap-over" : undefined}>
                  {rate(c.abandonRatePercent)} · {t("campaign.cap")} {rate(c.abandonCapPercent)}{c.overCap && <> · {t("report.overCap")}</>}
                </td>
                <td data-testid="report-worst-window" class={c.worstWindowOverCap ? "cap-over" : undefined}>
                  {c.worstWindowAbandonRatePercent === null ? "–" : (
                    <>
                      {rate(c.worstWindowAbandonRatePercent)} ({c.worstWindowDrops}/{c.worstWindowPeople} {t("report.people")}, {c.worstWindowMinutes} min)
                      {" · "}{t("report.windowEnded")} {formatTime(c.worstWindowEndedAt, zone)}{c.worstWindowOverCap && <> · {t("report.overCap")}</>}
                    </>
                  )}
                </td>
                <td data-testid="report-results">{counts(c.results, resultName)}</td>
                <td data-testid="report-outcomes">{counts(c.outcomes, (o) => dispositions[o] ?? o)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A dial result in the page's language (a result this page does not know yet: as the API names it). */
function resultName(result: string): string {
  const key = `campaign.result.${result}`;
  const text = t(key as Key);
  return text === key ? result : text;
}

/** "busy 1 · connected 1" in the order of the names, or "–". */
function counts(byName: Record<string, number>, label: (name: string) => string): string {
  const names = Object.keys(byName).sort();
  return names.length === 0 ? "–" : names.map((n) => `${label(n)} ${byName[n]}`).join(" · ");
}

/** Names by id from a list the call center's staff may read (a client viewer may not: ids and codes are shown instead). */
function useLabels<T>(path: string, entry: (item: T) => [string, string]): Record<string, string> {
  const [labels, setLabels] = useState<Record<string, string>>({});
  useEffect(() => {
    api.get<T[]>(path).then((items) => setLabels(Object.fromEntries(items.map(entry))), () => setLabels({}));
  }, [path]);
  return labels;
}
