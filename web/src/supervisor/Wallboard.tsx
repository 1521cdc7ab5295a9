import { useEffect, useState } from "preact/hooks";
import { api, type Session } from "../shared/api";
import { t, type Key } from "../shared/i18n";
import { useEventStream } from "../shared/live";
import { useTicker } from "../shared/ticker";
import { percent, seconds, secondsSince } from "../shared/time";
import type { Agent } from "../agent/types";
import { useQueueNames } from "./names";
import { CampaignTile } from "../campaigns/CampaignTile";
import type { Campaign } from "../campaigns/types";

export interface QueueBoard {
  queueId: string; projectId: string; callsWaiting: number; longestWaitSeconds: number; offered: number; answered: number;
  abandoned: number; handled: number; serviceLevel: number | null; averageSpeedOfAnswer: number | null; abandonmentRate: number | null;
  averageHandleTime: number | null;
}
export interface Board { at: string; queues: QueueBoard[]; agentsByState: Record<string, number> | null }

/** The live wallboard: the reporting service's stream, pushed on every change (and the agent list with time in state). */
export function Wallboard({ session }: { session: Session }) {
  useTicker();
  const { data: board, connected } = useEventStream<Board>("/api/reporting/live", "wallboard");
  const names = useQueueNames(board?.queues.map((q) => q.projectId) ?? []);
  const staff = session.roles.some((r) => r === "admin" || r === "supervisor");
  const [agents, setAgents] = useState<Agent[]>([]);
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  useEffect(() => {
    if (!staff) return;
    api.get<Campaign[]>("/api/queue/campaigns").then((all) => setCampaigns(all.filter((c) => c.state === "running" || c.state === "paused")), () => setCampaigns([]));
  }, [staff]);
  useEffect(() => {
    if (!staff) return;
    api.get<Agent[]>("/api/queue/agents").then(setAgents, () => setAgents([]));
  }, [board?.at, staff]);

  return (
    <div class="wallboard">
      <h1>{t("nav.wallboard")} {!connected && <small class="offline">{t("live.reconnecting")}</small>}</h1>
      <table data-testid="wallboard">
        <caption class="visually-hidden">{t("wallboard.queues")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("wallboard.queue")}</th><th scope="col">{t("wallboard.waiting")}</th>
            <th scope="col">{t("wallboard.longestWait")}</th><th scope="col">{t("wallboard.offered")}</th>
            <th scope="col">{t("wallboard.answered")}</th><th scope="col">{t("wallboard.abandoned")}</th>
            <th scope="col">{t("kpi.serviceLevel")}</th><th scope="col">{t("kpi.asa")}</th><th scope="col">{t("kpi.aht")}</th>
            <th scope="col">{t("kpi.abandonment")}</th>
          </tr>
        </thead>
        <tbody>
          {board?.queues.map((q) => (
            <tr data-queue-id={q.queueId} class={q.callsWaiting > 0 ? "busy" : ""}>
              <th scope="row">{names[q.queueId] ?? q.queueId.slice(0, 8)}</th>
              <td data-testid="calls-waiting" class="big">{q.callsWaiting}</td>
              <td>{seconds(q.longestWaitSeconds)}</td>
              <td data-testid="offered">{q.offered}</td><td>{q.answered}</td><td>{q.abandoned}</td>
              <td>{percent(q.serviceLevel)}</td><td>{seconds(q.averageSpeedOfAnswer)}</td><td>{seconds(q.averageHandleTime)}</td>
              <td>{percent(q.abandonmentRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {board?.agentsByState && Object.keys(board.agentsByState).length > 0 && (
        <section aria-labelledby="by-state">
          <h2 id="by-state">{t("wallboard.agentsByState")}</h2>
          <ul class="tiles">
            {Object.entries(board.agentsByState).map(([state, count]) => (
              <li class={`tile state-${state}`}><span class="big">{count}</span> {t(`state.${state}` as Key)}</li>
            ))}
          </ul>
        </section>
      )}
      {campaigns.length > 0 && (
        <section aria-labelledby="campaign-tiles">
          <h2 id="campaign-tiles">{t("nav.campaigns")}</h2>
          <div class="tiles campaign-tiles">{campaigns.map((c) => <CampaignTile key={c.id} campaign={c} />)}</div>
        </section>
      )}
      {staff && agents.length > 0 && (
        <section aria-labelledby="agent-list">
          <h2 id="agent-list">{t("wallboard.agents")}</h2>
          <table>
            <thead><tr><th scope="col">{t("wallboard.agent")}</th><th scope="col">{t("state.label")}</th><th scope="col">{t("wallboard.timeInState")}</th></tr></thead>
            <tbody>
              {agents.map((a) => (
                <tr><th scope="row">{a.name}</th><td>{t(`state.${a.state}` as Key)}{a.pauseCode ? ` (${a.pauseCode})` : ""}</td><td>{seconds(secondsSince(a.stateSince))}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
