import { useEffect, useState } from "preact/hooks";

/**
 * A push channel (server-sent events through the gateway) with the browser's own EventSource: the session cookie goes
 * with it, no token in the URL. EventSource reconnects by itself; `connected` says whether it is open now.
 */
export function useEventStream<T>(url: string | null, event: string): { data: T | null; connected: boolean } {
  const [data, setData] = useState<T | null>(null);
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!url) return;
    const source = new EventSource(url);
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener(event, (message) => setData(JSON.parse((message as MessageEvent).data) as T));
    return () => source.close();
  }, [url, event]);
  return { data, connected };
}
