import { useEffect, useState } from "preact/hooks";
import { api, type Session } from "../shared/api";
import { t } from "../shared/i18n";
import { useEventStream } from "../shared/live";
import { useShortcuts } from "../shared/shortcuts";
import { StateBar } from "./StateBar";
import { CallPanel } from "./CallPanel";
import { DailyPlan } from "./DailyPlan";
import { PendingOutcomes } from "./PendingOutcomes";
import { CampaignPreview } from "./CampaignPreview";
import type { Agent, AgentView } from "./types";

/** The agent's desktop: live from the agent's push channel, no reload. */
export function AgentDesktop({ session }: { session: Session }) {
  const [agent, setAgent] = useState<Agent | null | undefined>(undefined);
  useEffect(() => {
    api.get<Agent[]>("/api/queue/agents").then((all) => setAgent(all.find((a) => a.userId === session.userId) ?? null), () => setAgent(null));
  }, [session.userId]);
  const { data: view, connected } = useEventStream<AgentView>(agent ? `/api/queue/agents/${agent.id}/events` : null, "agent");
  // A call that left the desktop before its outcome was recorded (wrap-up timed out, transferred) stays until it is.
  const [kept, setKept] = useState<AgentView | null>(null);
  useEffect(() => {
    if (view?.call) setKept(view);
  }, [view]);
  const shown = view?.call ? view : kept;

  if (agent === undefined) return <p>{t("loading")}</p>;
  if (agent === null) return <p role="status">{t("agent.noRecord")}</p>;
  return (
    <div class="desktop">
      <h1 class="visually-hidden">{t("nav.agent")}</h1>
      <StateBar agentId={agent.id} view={view} connected={connected} />
      {shown?.call
        ? <CallPanel key={shown.call.callId} view={shown} ended={!view?.call} onDone={() => setKept(null)} />
        : (
          <>
            <PendingOutcomes />
            <CampaignPreview available={view?.state === "available"} />
            <DailyPlan />
          </>
        )}
      <Shortcuts />
    </div>
  );
}

function Shortcuts() {
  const [open, setOpen] = useState(false);
  useShortcuts({ "?": () => setOpen((o) => !o) });
  return (
    <details class="shortcuts" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t("shortcuts.title")}</summary>
      <dl>
        <dt>Alt+A</dt><dd>{t("state.available")}</dd>
        <dt>Alt+B</dt><dd>{t("state.break")}</dd>
        <dt>Alt+C</dt><dd>{t("call.answer")}</dd>
        <dt>Alt+H</dt><dd>{t("call.hold")}</dd>
        <dt>Alt+E</dt><dd>{t("call.hangUp")}</dd>
        <dt>Alt+T</dt><dd>{t("call.transfer")}</dd>
        <dt>Alt+D</dt><dd>{t("outcome.title")}</dd>
        <dt>1 … 9</dt><dd>{t("script.chooseOption")}</dd>
        <dt>Alt+←</dt><dd>{t("script.back")}</dd>
      </dl>
    </details>
  );
}
