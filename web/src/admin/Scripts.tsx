import { useEffect, useState } from "preact/hooks";
import { api } from "../shared/api";
import { t } from "../shared/i18n";
import { useProjects } from "../shared/projects";
import { linkTo } from "../shared/router";
import { firstScript } from "./templates";

interface ScriptSummary { id: string; name: string; mode: string; latestVersion: number; active: boolean }

/** A project's scripts, to open in the editor or start a new one. */
export function Scripts() {
  const projects = useProjects();
  const [projectId, setProjectId] = useState("");
  const [scripts, setScripts] = useState<ScriptSummary[]>([]);
  useEffect(() => {
    if (!projectId && projects.length) setProjectId(projects[0].id);
  }, [projects]);
  useEffect(() => {
    if (projectId) api.get<ScriptSummary[]>(`/api/scripts/projects/${projectId}/scripts`).then(setScripts, () => setScripts([]));
  }, [projectId]);
  async function create() {
    const name = projects.find((p) => p.id === projectId)?.name ?? "New";
    const created = await api.post<{ id: string }>(`/api/scripts/projects/${projectId}/scripts`, firstScript(name));
    history.pushState(null, "", `/admin/scripts/${created.id}`);
    dispatchEvent(new PopStateEvent("popstate"));
  }
  return (
    <div>
      <h1>{t("nav.scripts")}</h1>
      <label>{t("report.project")}<select value={projectId} onChange={(e) => setProjectId(e.currentTarget.value)}>{projects.map((p) => <option value={p.id}>{p.name}</option>)}</select></label>
      <ul>
        {scripts.map((s) => <li><a {...linkTo(`/admin/scripts/${s.id}`)}>{s.name}</a> · {s.mode} · v{s.latestVersion} {s.active && `· ${t("editor.active")}`}</li>)}
      </ul>
      {projectId && <button type="button" onClick={create}>{t("editor.new")}</button>}
    </div>
  );
}
