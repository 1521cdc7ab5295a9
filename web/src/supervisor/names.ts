import { useEffect, useState } from "preact/hooks";
import { api } from "../shared/api";

/** Queue names for the projects on the board (the call center's own people may read queues; client viewers see ids). */
export function useQueueNames(projectIds: string[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(projectIds)].sort().join(",");
  useEffect(() => {
    for (const projectId of key ? key.split(",") : []) {
      api.get<{ id: string; name: string }[]>(`/api/queue/projects/${projectId}/queues`)
        .then((queues) => setNames((n) => ({ ...n, ...Object.fromEntries(queues.map((q) => [q.id, q.name])) })), () => undefined);
    }
  }, [key]);
  return names;
}
