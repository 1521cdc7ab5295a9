import { useEffect, useRef, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { t } from "../shared/i18n";
import { useShortcuts } from "../shared/shortcuts";
import type { ScriptSession } from "./types";

interface ActiveScript { document: { steps: { id: string; type: string; label?: string; text?: string }[] } }

/** The project's script, opened at the session's current step: answer, handle an objection, go back, jump (guided scripts). */
export function ScriptWindow({ projectId, session, onChange }: {
  projectId: string; session: ScriptSession | null; onChange: (s: ScriptSession) => void;
}) {
  const [error, setError] = useState("");
  const [value, setValue] = useState<string>("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [steps, setSteps] = useState<{ id: string; label: string }[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const step = session?.step;

  useEffect(() => {
    setValue("");
    setChosen([]);
    heading.current?.focus();
  }, [step?.stepId]);
  useEffect(() => {
    if (session?.mode !== "guided") return;
    api.get<ActiveScript>(`/api/scripts/projects/${projectId}/active-script`)
      .then((a) => setSteps(a.document.steps.map((s) => ({ id: s.id, label: s.label ?? s.id }))), () => setSteps([]));
  }, [projectId, session?.mode]);

  async function move(path: string, body: unknown) {
    if (!session) return;
    setError("");
    try {
      onChange(await api.post<ScriptSession>(`/api/scripts/sessions/${session.id}/${path}`, body));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }
  const answer = (answerValue: unknown) => move("answers", { stepId: step!.stepId, answer: answerValue });
  const back = () => step?.canGoBack && move("back", { stepId: step.stepId });
  const shortcuts: Record<string, () => void> = { "Alt+ArrowLeft": back };
  step?.options?.forEach((o, i) => {
    if (i < 9 && step.kind === "single") shortcuts[String(i + 1)] = () => answer(o.value);
  });
  useShortcuts(shortcuts);

  if (!session || !step) return <section class="card script"><p role="status">{t("script.opening")}</p></section>;
  return (
    <section class="card script" aria-labelledby="script-step">
      <h3 id="script-step" tabIndex={-1} ref={heading}>{t("script.title")}</h3>
      {step.text && <p class="step-text" data-testid="script-step" data-step-id={step.stepId}>{step.text}</p>}
      {step.type === "question" && step.kind === "single" && (
        <div class="options" role="group" aria-label={t("script.answers")}>
          {step.options?.map((o, i) => (
            <button type="button" onClick={() => answer(o.value)} aria-keyshortcuts={String(i + 1)}>
              <kbd>{i + 1}</kbd> {o.label}
            </button>
          ))}
        </div>
      )}
      {step.type === "question" && step.kind === "multiple" && (
        <form onSubmit={(e) => { e.preventDefault(); answer(chosen); }}>
          <fieldset>
            <legend>{t("script.answers")}</legend>
            {step.options?.map((o) => (
              <label class="check">
                <input type="checkbox" checked={chosen.includes(o.value)}
                  onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, o.value] : chosen.filter((c) => c !== o.value))} />
                {o.label}
              </label>
            ))}
          </fieldset>
          <button type="submit">{t("script.next")}</button>
        </form>
      )}
      {step.type === "question" && step.kind !== "single" && step.kind !== "multiple" && (
        <form onSubmit={(e) => { e.preventDefault(); answer(step.kind === "number" || step.kind === "rating" ? Number(value) : value); }}>
          <label>
            {t("script.answer")}
            {step.kind === "text"
              ? <textarea value={value} onInput={(e) => setValue(e.currentTarget.value)} />
              : <input type={step.kind === "date" ? "date" : "number"} value={value} min={step.kind === "rating" ? 1 : step.min ?? undefined}
                  max={step.kind === "rating" ? 5 : step.max ?? undefined} onInput={(e) => setValue(e.currentTarget.value)} required={step.required ?? false} />}
          </label>
          <button type="submit">{t("script.next")}</button>
        </form>
      )}
      {(step.type === "say" || step.type === "objection") && !step.isEnd && (
        <button type="button" class="primary" onClick={() => answer(undefined)}>{t("script.next")}</button>
      )}
      {step.isEnd && (
        <p class="end" data-testid="script-end">
          {t("script.end")} {step.suggestedDisposition && <>· {t("script.suggested")}: <strong>{step.suggestedDisposition}</strong></>}
          {step.queue && <> · {t("call.transfer")}: {step.queue}</>}
        </p>
      )}
      <div class="script-moves">
        <button type="button" onClick={back} disabled={!step.canGoBack} aria-keyshortcuts="Alt+ArrowLeft">{t("script.back")}</button>
        {step.objections.map((o) => (
          <button type="button" class="objection" onClick={() => move("jump", { stepId: o.stepId })}>{t("script.objection")}: {o.label}</button>
        ))}
        {session.mode === "guided" && steps.length > 0 && (
          <label>
            {t("script.jump")}
            <select onChange={(e) => e.currentTarget.value && move("jump", { stepId: e.currentTarget.value })} value="">
              <option value="">—</option>
              {steps.map((s) => <option value={s.id}>{s.label}</option>)}
            </select>
          </label>
        )}
      </div>
      {session.path.length > 0 && (
        <p class="path">{t("script.path")}: {session.path.map((p) => p.stepId).join(" → ")}</p>
      )}
      {error && <p role="alert" class="error">{error}</p>}
    </section>
  );
}
