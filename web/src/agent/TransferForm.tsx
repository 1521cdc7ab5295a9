import { useEffect, useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { t } from "../shared/i18n";
import { useShortcuts } from "../shared/shortcuts";
import type { Agent } from "./types";

interface Queue { id: string; name: string }

/** Passes the call to a queue of the project or to a colleague (the queue ends a hold in progress and keeps its time). */
export function TransferForm({ callId, projectId }: { callId: string; projectId: string }) {
  const [queues, setQueues] = useState<Queue[]>([]);
  const [agents, setAgents] = useState<Agent[]>([]);
  const [target, setTarget] = useState("");
  const [error, setError] = useState("");
  useShortcuts({ "Alt+T": () => document.getElementById("transfer-target")?.focus() });
  useEffect(() => {
    api.get<Queue[]>(`/api/queue/projects/${projectId}/queues`).then(setQueues, () => setQueues([]));
    api.get<Agent[]>("/api/queue/agents").then((a) => setAgents(a.filter((x) => x.state === "available")), () => setAgents([]));
  }, [projectId]);

  async function transfer(e: Event) {
    e.preventDefault();
    const [kind, id] = target.split(":");
    try {
      await api.post(`/api/queue/calls/${callId}/transfer`, {
        queueId: kind === "queue" ? id : null, agentId: kind === "agent" ? id : null,
      });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }
  return (
    <form class="transfer" onSubmit={transfer}>
      <label>
        {t("call.transferTo")}
        <select id="transfer-target" value={target} onChange={(e) => setTarget(e.currentTarget.value)} required aria-keyshortcuts="Alt+T">
          <option value="">—</option>
          <optgroup label={t("call.queues")}>{queues.map((q) => <option value={`queue:${q.id}`}>{q.name}</option>)}</optgroup>
          <optgroup label={t("call.agents")}>{agents.map((a) => <option value={`agent:${a.id}`}>{a.name}</option>)}</optgroup>
        </select>
      </label>
      <button type="submit">{t("call.transfer")}</button>
      {error && <p role="alert" class="error">{error}</p>}
    </form>
  );
}
