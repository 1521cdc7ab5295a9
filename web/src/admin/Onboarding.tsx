import { useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { t, type Key } from "../shared/i18n";
import { linkTo } from "../shared/router";
import { DISPOSITIONS, WEEKDAYS, firstScript } from "./templates";

type StepState = "waiting" | "working" | "done" | "failed";
const STEPS = ["company", "project", "calendar", "dispositions", "queue", "script"] as const;

/**
 * One page to onboard a client company's project: the company, the project, its calendar, its dispositions, its queue and a
 * first script (a draft, opened in the editor to publish). Each part is its own call; the page shows which ones went through.
 */
export function Onboarding() {
  const [form, setForm] = useState({
    company: "", name: "", direction: "inbound", timeZone: "Europe/Budapest", open: "08:00", close: "17:00", saturday: false,
    holidays: "", strategy: "longest_idle", serviceLevelPercent: "80", serviceLevelSeconds: "20", wrapUpSeconds: "30",
  });
  const [codes, setCodes] = useState<string[]>(DISPOSITIONS.map((d) => d.code));
  const [progress, setProgress] = useState<Record<string, StepState>>({});
  const [error, setError] = useState("");
  const [result, setResult] = useState<{ projectId: string; scriptId: string } | null>(null);
  const set = (name: keyof typeof form) => (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    setForm({ ...form, [name]: input.type === "checkbox" ? input.checked : input.value });
  };

  async function step<T>(name: (typeof STEPS)[number], work: () => Promise<T>): Promise<T> {
    setProgress((p) => ({ ...p, [name]: "working" }));
    try {
      const value = await work();
      setProgress((p) => ({ ...p, [name]: "done" }));
      return value;
    } catch (e) {
      setProgress((p) => ({ ...p, [name]: "failed" }));
      throw e;
    }
  }

  async function onboard(e: Event) {
    e.preventDefault();
    setError("");
    setResult(null);
    setProgress({});
    try {
      const companyId = form.company
        ? (await step("company", () => api.post<{ id: string }>("/api/clients/companies", { name: form.company }))).id
        : null;
      const project = await step("project", () => api.post<{ id: string }>("/api/clients/projects", {
        name: form.name, direction: form.direction, timeZone: form.timeZone, clientCompanyId: companyId,
      }));
      const hours = { open: form.open, close: form.close };
      await step("calendar", () => api.put(`/api/clients/projects/${project.id}/calendar`, {
        weekdays: Object.fromEntries(WEEKDAYS.filter((d) => d !== "sunday" && (d !== "saturday" || form.saturday)).map((d) => [d, hours])),
        holidays: form.holidays.split(/[\s,]+/).filter(Boolean),
        exceptions: [],
      }));
      await step("dispositions", () => api.put(`/api/clients/projects/${project.id}/dispositions`, DISPOSITIONS.filter((d) => codes.includes(d.code))));
      await step("queue", async () => {
        // The project's default queue comes with it (from ProjectCreated): wait for it, then set it up.
        for (let i = 0; i < 40; i++) {
          const queues = await api.get<{ id: string; name: string }[]>(`/api/queue/projects/${project.id}/queues`).catch(() => []);
          if (queues.length > 0) {
            return api.put(`/api/queue/queues/${queues[0].id}`, {
              name: queues[0].name, strategy: form.strategy, serviceLevelPercent: Number(form.serviceLevelPercent),
              serviceLevelSeconds: Number(form.serviceLevelSeconds), wrapUpSeconds: Number(form.wrapUpSeconds),
            });
          }
          await new Promise((r) => setTimeout(r, 500));
        }
        throw new Error(t("onboarding.noQueue"));
      });
      const script = await step("script", () => api.post<{ id: string }>(`/api/scripts/projects/${project.id}/scripts`, firstScript(form.name)));
      setResult({ projectId: project.id, scriptId: script.id });
    } catch (err) {
      setError(err instanceof ApiError ? `${err.message} ${Object.entries(err.errors ?? {}).map(([k, v]) => `${k}: ${v.join(" ")}`).join("; ")}` : String(err));
    }
  }

  return (
    <div class="onboarding">
      <h1>{t("onboarding.title")}</h1>
      <form onSubmit={onboard} class="sections">
        <fieldset>
          <legend>{t("onboarding.project")}</legend>
          <label>{t("onboarding.company")}<input name="company" value={form.company} onInput={set("company")} /></label>
          <label>{t("onboarding.name")}<input name="project-name" value={form.name} onInput={set("name")} required /></label>
          <label>{t("onboarding.direction")}
            <select value={form.direction} onChange={set("direction")}>
              <option value="inbound">{t("direction.inbound")}</option><option value="outbound">{t("direction.outbound")}</option>
            </select>
          </label>
          <label>{t("onboarding.timeZone")}<input name="time-zone" value={form.timeZone} onInput={set("timeZone")} required list="zones" /></label>
          <datalist id="zones">
            {["Europe/Budapest", "Europe/Prague", "Europe/Bucharest", "Europe/Moscow", "Europe/London", "Europe/Berlin", "UTC"].map((z) => <option value={z} />)}
          </datalist>
        </fieldset>
        <fieldset>
          <legend>{t("onboarding.calendar")}</legend>
          <label>{t("onboarding.opens")}<input type="time" value={form.open} onInput={set("open")} required /></label>
          <label>{t("onboarding.closes")}<input type="time" value={form.close} onInput={set("close")} required /></label>
          <label class="check"><input type="checkbox" checked={form.saturday} onChange={set("saturday")} />{t("onboarding.saturday")}</label>
          <label>{t("onboarding.holidays")}<input value={form.holidays} onInput={set("holidays")} placeholder="2026-12-24, 2026-12-25" /></label>
        </fieldset>
        <fieldset>
          <legend>{t("onboarding.dispositions")}</legend>
          {DISPOSITIONS.map((d) => (
            <label class="check">
              <input type="checkbox" checked={codes.includes(d.code)}
                onChange={(e) => setCodes(e.currentTarget.checked ? [...codes, d.code] : codes.filter((c) => c !== d.code))} />
              {d.label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t("onboarding.queue")}</legend>
          <StrategySelect value={form.strategy} onChange={set("strategy")} />
          <label>{t("queue.slPercent")}<input type="number" min="1" max="100" value={form.serviceLevelPercent} onInput={set("serviceLevelPercent")} /></label>
          <label>{t("queue.slSeconds")}<input type="number" min="1" value={form.serviceLevelSeconds} onInput={set("serviceLevelSeconds")} /></label>
          <label>{t("queue.wrapUp")}<input type="number" min="0" value={form.wrapUpSeconds} onInput={set("wrapUpSeconds")} /></label>
        </fieldset>
        <button type="submit" class="primary">{t("onboarding.submit")}</button>
      </form>
      <ol class="progress" aria-label={t("onboarding.progress")} aria-live="polite">
        {STEPS.filter((s) => progress[s]).map((s) => (
          <li class={progress[s]} data-testid={`onboarding-${s}`}>{t(`onboarding.${s}` as Key)}: {t(`progress.${progress[s]}` as Key)}</li>
        ))}
      </ol>
      {error && <p role="alert" class="error">{error}</p>}
      {result && (
        <p role="status" class="done">
          {t("onboarding.done")} <a {...linkTo(`/admin/scripts/${result.scriptId}`)}>{t("onboarding.openScript")}</a>
        </p>
      )}
    </div>
  );
}

export const STRATEGIES = ["longest_idle", "round_robin", "fewest_calls", "least_talk_time", "fixed_order", "random", "ring_all"];

export function StrategySelect({ value, onChange }: { value: string; onChange: (e: Event) => void }) {
  return (
    <label>{t("queue.strategy")}
      <select value={value} onChange={onChange}>
        {STRATEGIES.map((s) => <option value={s}>{t(`strategy.${s}` as Key)}</option>)}
      </select>
    </label>
  );
}
