import { useState } from "preact/hooks";
import { api, ApiError, query } from "../shared/api";
import { t } from "../shared/i18n";
import { percent, seconds } from "../shared/time";

interface Option { agents: number; serviceLevel: number; probabilityOfWaiting: number; averageSpeedOfAnswer: number; occupancy: number }
interface Answer {
  trafficErlangs: number; agentsNeeded: number; agentsToSchedule: number; expectedServiceLevel: number; probabilityOfWaiting: number;
  averageSpeedOfAnswer: number; occupancy: number; options: Option[];
}

/** The Erlang C calculator: how many agents an interval needs for the service level target. */
export function Staffing() {
  const [form, setForm] = useState({ callsPerInterval: "100", intervalMinutes: "15", ahtSeconds: "180", serviceLevelPercent: "80", serviceLevelSeconds: "20", shrinkagePercent: "30" });
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState("");
  const field = (name: keyof typeof form, label: string) => (
    <label>{label}<input type="number" min="0" step="any" value={form[name]} onInput={(e) => setForm({ ...form, [name]: e.currentTarget.value })} required /></label>
  );
  async function compute(e: Event) {
    e.preventDefault();
    setError("");
    try {
      setAnswer(await api.get<Answer>(`/api/reporting/staffing${query(form)}`));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }
  return (
    <div class="staffing">
      <h1>{t("nav.staffing")}</h1>
      <form onSubmit={compute} class="grid-form">
        {field("callsPerInterval", t("erlang.calls"))}
        {field("intervalMinutes", t("erlang.interval"))}
        {field("ahtSeconds", t("erlang.aht"))}
        {field("serviceLevelPercent", t("erlang.slPercent"))}
        {field("serviceLevelSeconds", t("erlang.slSeconds"))}
        {field("shrinkagePercent", t("erlang.shrinkage"))}
        <button type="submit" class="primary">{t("erlang.compute")}</button>
      </form>
      {error && <p role="alert" class="error">{error}</p>}
      {answer && (
        <>
          <dl class="tiles" data-testid="erlang-answer">
            <div class="tile"><dt>{t("erlang.traffic")}</dt><dd>{answer.trafficErlangs.toFixed(2)}</dd></div>
            <div class="tile"><dt>{t("erlang.needed")}</dt><dd>{answer.agentsNeeded}</dd></div>
            <div class="tile"><dt>{t("erlang.schedule")}</dt><dd>{answer.agentsToSchedule}</dd></div>
            <div class="tile"><dt>{t("kpi.serviceLevel")}</dt><dd>{percent(answer.expectedServiceLevel)}</dd></div>
            <div class="tile"><dt>{t("kpi.asa")}</dt><dd>{seconds(answer.averageSpeedOfAnswer)}</dd></div>
            <div class="tile"><dt>{t("report.occupancy")}</dt><dd>{percent(answer.occupancy)}</dd></div>
          </dl>
          <table>
            <thead><tr><th scope="col">{t("erlang.agents")}</th><th scope="col">{t("kpi.serviceLevel")}</th><th scope="col">{t("erlang.pWait")}</th><th scope="col">{t("kpi.asa")}</th><th scope="col">{t("report.occupancy")}</th></tr></thead>
            <tbody>{answer.options.map((o) => <tr><th scope="row">{o.agents}</th><td>{percent(o.serviceLevel)}</td><td>{percent(o.probabilityOfWaiting)}</td><td>{seconds(o.averageSpeedOfAnswer)}</td><td>{percent(o.occupancy)}</td></tr>)}</tbody>
          </table>
        </>
      )}
    </div>
  );
}
