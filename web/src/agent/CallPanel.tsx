import { useEffect, useRef, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { t } from "../shared/i18n";
import { useShortcuts } from "../shared/shortcuts";
import { useTicker } from "../shared/ticker";
import { markActivity } from "../shared/session";
import { formatTime, seconds, secondsSince, secondsUntil } from "../shared/time";
import { useProject } from "../shared/projects";
import { ContactPanel } from "./ContactPanel";
import { ScriptWindow } from "./ScriptWindow";
import { OutcomeForm } from "./OutcomeForm";
import { TransferForm } from "./TransferForm";
import type { AgentView, ScriptSession } from "./types";

/** The screen pop and everything done with the call: answer, script, hold, transfer, hang up, outcome, wrap-up. */
export function CallPanel({ view, ended, onDone }: { view: AgentView; ended: boolean; onDone: () => void }) {
  useTicker();
  markActivity(); // an agent on a call (or in its wrap-up) is working, keyboard or not: the session slides
  const call = view.call!;
  const project = useProject(call.projectId);
  const [error, setError] = useState("");
  const [talkSince] = useState(Date.now());
  const [session, setSession] = useState<ScriptSession | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const answerButton = useRef<HTMLButtonElement>(null);

  // Hold is the queue's (POST calls/{id}/hold and …/resume: the PBX holds the caller, the platform times it); the push
  // channel shows the hold in progress and the seconds held so far.
  const onHold = !!call.heldSince;
  const held = () => (call.holdSeconds ?? 0) + (call.heldSince ? Math.max(0, secondsSince(call.heldSince)) : 0);
  async function act(action: () => Promise<unknown>) {
    setError("");
    try {
      await action();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }
  const answer = () => act(() => api.post(`/api/queue/calls/${call.callId}/accept`, {}));
  const toggleHold = () => act(() => api.post(`/api/queue/calls/${call.callId}/${onHold ? "resume" : "hold"}`, {}));
  const hangUp = () => act(() => api.post(`/api/queue/calls/${call.callId}/hangup`, {}));
  useShortcuts({
    "Alt+C": () => call.status === "offered" && answer(),
    "Alt+H": () => call.status === "on_call" && toggleHold(),
    "Alt+E": () => call.status === "on_call" && hangUp(),
  });

  useEffect(() => {
    if (call.status === "offered") answerButton.current?.focus();
  }, [call.status]);

  // The script session the answered call opened (the scripts service opens it from CallAnswered: it may take a moment).
  useEffect(() => {
    if (call.status === "offered" || session) return;
    let stop = false;
    (async () => {
      for (let i = 0; i < 40 && !stop; i++) {
        const found = await api.get<{ id: string }[]>(`/api/scripts/sessions?callId=${call.callId}`).catch(() => []);
        if (found.length > 0) {
          if (!stop) setSession(await api.get<ScriptSession>(`/api/scripts/sessions/${found[0].id}`));
          return;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    return () => {
      stop = true;
    };
  }, [call.status, call.callId, session]);

  const zone = project?.timeZone;
  return (
    <section class="call" aria-labelledby="call-title">
      <div class={`pop ${call.status}`} role={call.status === "offered" ? "alertdialog" : "region"} aria-labelledby="call-title">
        <h2 id="call-title">
          {ended ? t("call.ended") : call.status === "offered" ? t("call.incoming") : call.status === "on_call" ? t("call.onCall") : t("call.wrapUp")}
          {call.vip && <span class="vip"> VIP</span>}
        </h2>
        <p class="call-facts">
          <span data-testid="caller-number">{call.callerNumber}</span> · {call.projectName} · {call.queueName} ·{" "}
          {t("call.arrived")} {formatTime(call.arrivedAt, zone)}
        </p>
        <div class="call-actions">
          {ended && <button type="button" onClick={onDone}>{t("call.close")}</button>}
          {!ended && call.status === "offered" && (
            <button type="button" class="primary" ref={answerButton} onClick={answer} aria-keyshortcuts="Alt+C">
              {t("call.answer")} {call.offerExpiresAt && `(${Math.max(0, Math.round(secondsUntil(call.offerExpiresAt)))} s)`}
            </button>
          )}
          {!ended && call.status === "on_call" && (
            <>
              <button type="button" onClick={toggleHold} aria-pressed={onHold} aria-keyshortcuts="Alt+H" data-testid="hold">
                {onHold ? t("call.resume") : t("call.hold")} {held() > 0 && seconds(held())}
              </button>
              <button type="button" onClick={hangUp} aria-keyshortcuts="Alt+E">{t("call.hangUp")}</button>
              <TransferForm callId={call.callId} projectId={call.projectId} />
            </>
          )}
          {!ended && call.status === "wrap_up" && <WrapUpTimer until={view.wrapUpUntil} />}
        </div>
        {error && <p role="alert" class="error">{error}</p>}
      </div>
      <div class="call-work">
        <ContactPanel contact={call.contact} callerNumber={call.callerNumber} zone={zone} historyVersion={historyVersion} />
        {call.status !== "offered" && (
          <ScriptWindow projectId={call.projectId} session={session} onChange={setSession} />
        )}
        {call.status !== "offered" && (
          <OutcomeForm
            call={call}
            contactId={call.contact?.id ?? null}
            session={session}
            talkSeconds={() => (Date.now() - talkSince) / 1000}
            wrapUp={!ended && call.status === "wrap_up"}
            ended={ended}
            onRecorded={() => setHistoryVersion((v) => v + 1)}
            onFinished={onDone}
          />
        )}
      </div>
    </section>
  );
}

function WrapUpTimer({ until }: { until: string | null }) {
  if (!until) return <p role="timer">{t("call.wrapUp")}</p>;
  const left = secondsUntil(until);
  return (
    <p role="timer" data-testid="wrap-up-timer">
      {t("call.wrapUpLeft")} {seconds(left)}
    </p>
  );
}
