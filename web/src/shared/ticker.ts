import { useEffect, useState } from "preact/hooks";

/** Re-renders every second (timers: time in state, wrap-up left, hold). */
export function useTicker(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return now;
}
