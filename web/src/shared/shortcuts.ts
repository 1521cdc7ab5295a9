import { useLayoutEffect, useRef } from "preact/hooks";

/**
 * Keyboard shortcuts for a page: "Alt+A", "Alt+ArrowLeft", "1", "?". Plain keys do not fire while typing in a field.
 * The handlers are read at the time of the key press, so they may close over the latest state. The listener is attached
 * before the page is painted (a layout effect): a key pressed as soon as the page shows is not lost.
 */
export function useShortcuts(handlers: Record<string, () => void>) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useLayoutEffect(() => {
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
