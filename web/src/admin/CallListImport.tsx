import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { t } from "../shared/i18n";
import { useProjects } from "../shared/projects";

interface Import {
  id: string; status: string; totalRows: number | null; rowsDone: number; imported: number; duplicates: number; failedRows: number; doNotCall: number;
  failure: string | null; errors: { line: number; column: string; reason: string }[];
}

/** A call list (CSV) into a project: the upload, a progress bar while the rows go in, and the rejected rows to download. */
export function CallListImport() {
  const projects = useProjects();
  const [projectId, setProjectId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<Import | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    if (!projectId && projects.length) setProjectId(projects[0].id);
  }, [projects]);
  useEffect(() => {
    if (!job || job.status === "completed" || job.status === "failed") return;
    const id = setTimeout(() => api.get<Import>(`/api/clients/imports/${job.id}`).then(setJob), 500);
    return () => clearTimeout(id);
  }, [job]);
  async function upload(e: Event) {
    e.preventDefault();
    setError("");
    const form = new FormData();
    form.set("file", file!);
    try {
      setJob(await api.post<Import>(`/api/clients/projects/${projectId}/imports`, form));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }
  const rejected = job ? "line,column,reason\n" + job.errors.map((r) => `${r.line},"${r.column}","${r.reason.replace(/"/g, '""')}"`).join("\n") : "";
  return (
    <div>
      <h1>{t("nav.import")}</h1>
      <form onSubmit={upload} class="grid-form">
        <label>{t("report.project")}<select value={projectId} onChange={(e) => setProjectId(e.currentTarget.value)}>{projects.map((p) => <option value={p.id}>{p.name}</option>)}</select></label>
        <label>{t("import.file")}<input type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} required /></label>
        <button type="submit" class="primary">{t("import.upload")}</button>
      </form>
      {error && <p role="alert" class="error">{error}</p>}
      {job && (
        <section aria-labelledby="import-title">
          <h2 id="import-title">{t("import.status")}: {job.status}</h2>
          <progress max={job.totalRows ?? 100} value={job.totalRows ? job.rowsDone : undefined} aria-label={t("import.progress")}>{job.rowsDone}</progress>
          <p>{t("import.imported")} {job.imported} · {t("import.duplicates")} {job.duplicates} · {t("import.rejected")} {job.failedRows} · {t("import.dnc")} {job.doNotCall}</p>
          {job.failure && <p class="error">{job.failure}</p>}
          {job.errors.length > 0 && (
            <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(rejected)}`} download="rejected-rows.csv">{t("import.download")}</a>
          )}
        </section>
      )}
    </div>
  );
}
