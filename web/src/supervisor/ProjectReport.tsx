import { useEffect, useState } from "preact/hooks";
import { api, ApiError, query } from "../shared/api";
import { t } from "../shared/i18n";
import { formatClock, percent, today } from "../shared/time";
import { CampaignReport } from "./CampaignReport";
import { Chart } from "./Chart";
import type { Board } from "./Wallboard";
import { useQueueNames } from "./names";

interface Summary {
  projectId: string; name: string; direction: string; timeZone: string; callsOffered: number; callsAnswered: number; callsAbandoned: number;
  callsHandled: number; outcomes: number; meetingsSet: number; contractsSigned: number; orders: number; complaintsOpened: number;
  complaintsResolved: number; abandonmentRate: number | null; contractConversion: number | null;
}
interface Interval { start: string; offered: number; answered: number; abandoned: number; serviceLevel: number | null; averageHandleTime: number | null; abandonmentRate: number | null }
interface Intervals { queueId: string; intervals: Interval[]; total: Interval; serviceLevelSeconds: number }

/** The page's day, as every section reads it (from and to in the project's zone). */
function dayRange(date: string, more: Record<string, string> = {}): string {
  return query({ from: `${date}T00:00:00`, to: `${date}T23:59:59`, ...more });
}

/**
 * A project's reports: figures since the start, per queue the day by 15 minutes (charts, CSV), and the day's outbound
 * campaigns. Times in the project's zone.
 */
export function ProjectReport({ projectId }: { projectId: string }) {
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState("");
  const [queueIds, setQueueIds] = useState<string[]>([]);
  const [date, setDate] = useState("");
  const names = useQueueNames([projectId]);

  useEffect(() => {
    setError("");
    setSummary(null);
    api.get<Summary>(`/api/reporting/projects/${projectId}`).then((s) => {
      setSummary(s);
      setDate((d) => d || today(s.timeZone));
    }, (e) => setError(e instanceof ApiError && e.status === 404 ? t("notAllowed.detail") : String(e)));
    // The project's queues, as the wallboard knows them (client viewers may not list queues themselves).
    const source = new EventSource(`/api/reporting/live${query({ projectId })}`);
    source.addEventListener("wallboard", (m) => {
      setQueueIds((JSON.parse((m as MessageEvent).data) as Board).queues.map((q) => q.queueId));
      source.close();
    });
    return () => source.close();
  }, [projectId]);

  if (error) return <section role="alert" class="error"><h1>{t("notAllowed.title")}</h1><p>{error}</p></section>;
  if (!summary) return <p>{t("loading")}</p>;
  const csv = `/api/reporting/projects/${projectId}?format=csv`;
  return (
    <div class="report">
      <h1>{summary.name} <small>{summary.timeZone}</small></h1>
      <dl class="tiles" data-testid="project-summary">
        <div class="tile"><dt>{t("report.offered")}</dt><dd>{summary.callsOffered}</dd></div>
        <div class="tile"><dt>{t("report.answered")}</dt><dd>{summary.callsAnswered}</dd></div>
        <div class="tile"><dt>{t("report.abandoned")}</dt><dd>{summary.callsAbandoned} ({percent(summary.abandonmentRate)})</dd></div>
        <div class="tile"><dt>{t("report.outcomes")}</dt><dd>{summary.outcomes}</dd></div>
        <div class="tile"><dt>{t("report.meetings")}</dt><dd>{summary.meetingsSet}</dd></div>
        <div class="tile"><dt>{t("report.contracts")}</dt><dd>{summary.contractsSigned} ({percent(summary.contractConversion)})</dd></div>
      </dl>
      <div class="filters">
        <label>
          {t("report.day")}
          <input type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
        <a href={csv} download>{t("report.csv")}</a>
      </div>
      {queueIds.map((q) => <QueueDay queueId={q} name={names[q]} date={date} zone={summary.timeZone} />)}
      <CampaignReport projectId={projectId} date={date} range={dayRange(date)} zone={summary.timeZone} />
    </div>
  );
}

function QueueDay({ queueId, name, date, zone }: { queueId: string; name?: string; date: string; zone: string }) {
  const [data, setData] = useState<Intervals | null>(null);
  const range = dayRange(date, { granularity: "15m" });
  useEffect(() => {
    if (date) api.get<Intervals>(`/api/reporting/queues/${queueId}/intervals${range}`).then(setData, () => setData(null));
  }, [queueId, range]);
  if (!data) return null;
  const rows = data.intervals.filter((i) => i.offered > 0 || i.answered > 0 || i.abandoned > 0);
  const labels = rows.map((i) => formatClock(i.start, zone));
  return (
    <section class="queue-day" aria-label={name ?? queueId}>
      <h2>{name ?? `${t("wallboard.queue")} ${queueId.slice(0, 8)}`}</h2>
      <p>
        {t("kpi.serviceLevel")} {percent(data.total.serviceLevel)} ({data.serviceLevelSeconds} s) · {t("kpi.aht")} {Math.round(data.total.averageHandleTime ?? 0)} s ·{" "}
        {t("kpi.abandonment")} {percent(data.total.abandonmentRate)} · <a href={`/api/reporting/queues/${queueId}/intervals${range}&format=csv`} download>{t("report.csv")}</a>
      </p>
      {rows.length === 0 ? <p>{t("report.noCalls")}</p> : (
        <div class="charts">
          <Chart title={t("report.slByInterval")} labels={labels} max={100}
            series={[{ label: t("kpi.serviceLevel"), values: rows.map((r) => r.serviceLevel === null ? null : Math.round(r.serviceLevel * 100)), color: "#1d6b3a" },
              { label: t("kpi.abandonment"), values: rows.map((r) => r.abandonmentRate === null ? null : Math.round(r.abandonmentRate * 100)), color: "#b3261e", type: "line" }]} />
          <Chart title={t("report.ahtByInterval")} labels={labels}
            series={[{ label: `${t("kpi.aht")} (s)`, values: rows.map((r) => r.averageHandleTime === null ? null : Math.round(r.averageHandleTime)), color: "#24508f" }]} />
          <Chart title={t("report.callsByInterval")} labels={labels}
            series={[{ label: t("report.answered"), values: rows.map((r) => r.answered), color: "#1d6b3a" },
              { label: t("report.abandoned"), values: rows.map((r) => r.abandoned), color: "#b3261e" }]} />
        </div>
      )}
    </section>
  );
}
