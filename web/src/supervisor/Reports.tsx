import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { t } from "../shared/i18n";
import { useProjects } from "../shared/projects";
import { percent, seconds, today } from "../shared/time";
import { ProjectReport } from "./ProjectReport";

interface AgentDay {
  agentId: string; name: string; contactsPlanned: number; contactsCalled: number; meetingsSet: number; contractsSigned: number;
  callsHandled: number; averageHandleTime: number | null; bandShare: number | null; occupancy: number | null; loggedInSeconds: number;
}
interface GroupDay { groupId: string; agents: AgentDay[]; contactsPlanned: number; contactsCalled: number; meetingsSet: number; contractsSigned: number; callsHandled: number; averageHandleTime: number | null; occupancy: number | null }

/** Reports for supervisors: a project's figures and charts, and the end-of-day report per agent and group. */
export function Reports() {
  const projects = useProjects();
  const [projectId, setProjectId] = useState("");
  useEffect(() => {
    if (!projectId && projects.length > 0) setProjectId(projects[0].id);
  }, [projects]);
  return (
    <div class="reports">
      <h1>{t("nav.reports")}</h1>
      <label>
        {t("report.project")}
        <select value={projectId} onChange={(e) => setProjectId(e.currentTarget.value)}>
          {projects.map((p) => <option value={p.id}>{p.name}</option>)}
        </select>
      </label>
      {projectId && <ProjectReport key={projectId} projectId={projectId} />}
      <EndOfDay />
    </div>
  );
}

function EndOfDay() {
  const [groups, setGroups] = useState<{ id: string; name: string }[]>([]);
  const [groupId, setGroupId] = useState("");
  const [date, setDate] = useState(today());
  const [day, setDay] = useState<GroupDay | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    api.get<{ id: string; name: string }[]>("/api/queue/groups").then((g) => {
      setGroups(g);
      if (g.length > 0) setGroupId(g[0].id);
    }, () => setGroups([]));
  }, []);
  useEffect(() => {
    if (!groupId) return;
    setError("");
    api.get<GroupDay>(`/api/reporting/groups/${groupId}/days/${date}`).then(setDay, (e) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [groupId, date]);
  return (
    <section aria-labelledby="eod-title" class="end-of-day">
      <h2 id="eod-title">{t("report.endOfDay")}</h2>
      {groups.length === 0 && <p>{t("report.noGroups")}</p>}
      {groups.length > 0 && (
        <div class="filters">
          <label>{t("report.group")}<select value={groupId} onChange={(e) => setGroupId(e.currentTarget.value)}>{groups.map((g) => <option value={g.id}>{g.name}</option>)}</select></label>
          <label>{t("report.day")}<input type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} /></label>
          {groupId && <a href={`/api/reporting/groups/${groupId}/days/${date}?format=csv`} download>{t("report.csv")}</a>}
        </div>
      )}
      {error && <p role="alert" class="error">{error}</p>}
      {day && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("wallboard.agent")}</th><th scope="col">{t("report.planned")}</th><th scope="col">{t("report.called")}</th>
              <th scope="col">{t("report.meetings")}</th><th scope="col">{t("report.contracts")}</th><th scope="col">{t("report.handled")}</th>
              <th scope="col">{t("kpi.aht")}</th><th scope="col">{t("report.band")}</th><th scope="col">{t("report.occupancy")}</th>
            </tr>
          </thead>
          <tbody>
            {day.agents.map((a) => (
              <tr>
                <th scope="row">{a.name}</th><td>{a.contactsPlanned}</td><td>{a.contactsCalled}</td><td>{a.meetingsSet}</td><td>{a.contractsSigned}</td>
                <td>{a.callsHandled}</td><td>{seconds(a.averageHandleTime)}</td><td>{percent(a.bandShare)}</td><td>{percent(a.occupancy)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("report.total")}</th><td>{day.contactsPlanned}</td><td>{day.contactsCalled}</td><td>{day.meetingsSet}</td>
              <td>{day.contractsSigned}</td><td>{day.callsHandled}</td><td>{seconds(day.averageHandleTime)}</td><td></td><td>{percent(day.occupancy)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
