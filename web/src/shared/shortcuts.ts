import { useEffect, useRef } from "preact/hooks";

/**
 * Keyboard shortcuts for a page: "Alt+A", "Alt+ArrowLeft", "1", "?". Plain keys do not fire while typing in a field.
 * The handlers are read at the time of the key press, so they may close over the latest state.
 */
export function useShortcuts(handlers: Record<string, () => void>) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const key = (e.altKey ? "Alt+" : "") + (e.altKey && e.code.startsWith("Key") ? e.code.slice(3) : e.key);
      const handler = ref.current[key];
      if (!handler) return;
      const target = e.target as HTMLElement;
      const typing = target.matches("input, textarea, select, [contenteditable]");
      if (typing && !e.altKey) return;
      e.preventDefault();
      handler();
    }
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, []);
}
