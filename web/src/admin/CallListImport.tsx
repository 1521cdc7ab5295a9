import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { t, type Key } from "../shared/i18n";
import { useProjects } from "../shared/projects";

interface Import {
  id: string; status: string; totalRows: number | null; rowsDone: number; imported: number; duplicates: number; failedRows: number; doNotCall: number;
  failure: string | null; errors: { line: number; column: string; reason: string }[];
  consent: { purposes: string[]; source: string; expiresAt: string | null } | null;
}

const purposes = ["data_processing", "calls", "recording"] as const;

/** A call list (CSV) into a project: the upload, a progress bar while the rows go in, and the rejected rows to download. */
export function CallListImport() {
  const projects = useProjects();
  const [projectId, setProjectId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [consented, setConsented] = useState<string[]>([]);
  const [source, setSource] = useState("");
  const [expires, setExpires] = useState("");
  const [job, setJob] = useState<Import | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    if (!projectId && projects.length) setProjectId(projects[0].id);
  }, [projects]);
  useEffect(() => {
    if (!job || job.status === "done" || job.status === "failed") return;
    const id = setTimeout(() => api.get<Import>(`/api/clients/imports/${job.id}`).then(setJob), 500);
    return () => clearTimeout(id);
  }, [job]);
  async function upload(e: Event) {
    e.preventDefault();
    setError("");
    const form = new FormData();
    form.set("file", file!);
    if (consented.length > 0) {
      form.set("consent", JSON.stringify({ purposes: consented, source, expiresAt: expires ? new Date(expires + "T00:00:00").toISOString() : null }));
    }
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
        <fieldset>
          <legend>{t("import.consent")}</legend>
          {purposes.map((p) => (
            <label><input type="checkbox" checked={consented.includes(p)}
              onChange={(e) => setConsented(e.currentTarget.checked ? [...consented, p] : consented.filter((c) => c !== p))} />{t(`consent.${p}` as Key)}</label>
          ))}
          {consented.length > 0 && <>
            <label>{t("import.consentSource")}<input value={source} maxLength={200} required onInput={(e) => setSource(e.currentTarget.value)} /></label>
            <label>{t("import.consentExpires")}<input type="date" value={expires} onInput={(e) => setExpires(e.currentTarget.value)} /></label>
          </>}
          <p class="hint">{t("import.consentHint")}</p>
        </fieldset>
        <button type="submit" class="primary">{t("import.upload")}</button>
      </form>
      {error && <p role="alert" class="error">{error}</p>}
      {job && (
        <section aria-labelledby="import-title">
          <h2 id="import-title">{t("import.status")}: {job.status}</h2>
          <progress max={job.totalRows ?? 100} value={job.totalRows ? job.rowsDone : undefined} aria-label={t("import.progress")}>{job.rowsDone}</progress>
          <p>{t("import.imported")} {job.imported} · {t("import.duplicates")} {job.duplicates} · {t("import.rejected")} {job.failedRows} · {t("import.dnc")} {job.doNotCall}</p>
          {job.consent
            ? <p>{t("import.consentRecorded")}: {job.consent.purposes.map((p) => t(`consent.${p}` as Key)).join(", ")} ({job.consent.source})</p>
            : <p>{t("import.noConsent")}</p>}
          {job.failure && <p class="error">{job.failure}</p>}
          {job.errors.length > 0 && (
            <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(rejected)}`} download="rejected-rows.csv">{t("import.download")}</a>
          )}
        </section>
      )}
    </div>
  );
}
