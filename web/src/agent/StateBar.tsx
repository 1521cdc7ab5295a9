import { useState } from "preact/hooks";
import { api, ApiError } from "../shared/api";
import { t, type Key } from "../shared/i18n";
import { useShortcuts } from "../shared/shortcuts";
import { useTicker } from "../shared/ticker";
import { seconds, secondsSince } from "../shared/time";
import type { AgentView } from "./types";

const PAUSE_CODES = ["not-ready", "lunch", "coffee", "training", "coaching", "meeting"];

export function StateBar({ agentId, view, connected }: { agentId: string; view: AgentView | null; connected: boolean }) {
  useTicker();
  const [pauseCode, setPauseCode] = useState("lunch");
  const [error, setError] = useState("");

  async function change(state: string, code?: string) {
    setError("");
    try {
      await api.put(`/api/queue/agents/${agentId}/state`, { state, pauseCode: code ?? null });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }
  useShortcuts({ "Alt+A": () => change("available"), "Alt+B": () => change("break", pauseCode) });

  const state = view?.state ?? "logged_out";
  return (
    <section class="state-bar" aria-label={t("state.label")}>
      <p class={`state state-${state}`} role="status" aria-live="polite">
        <strong data-testid="agent-state">{t(`state.${state}` as Key)}</strong>
        {view?.pauseCode && <span> · {t("state.pauseCode")}: {view.pauseCode}</span>}
        {view && <span> · {seconds(secondsSince(view.stateSince))}</span>}
        {!connected && <span class="offline"> · {t("live.reconnecting")}</span>}
      </p>
      <button type="button" onClick={() => change("available")} aria-keyshortcuts="Alt+A" disabled={state === "available"}>
        {t("state.goAvailable")}
      </button>
      <label>
        {t("state.pauseCode")}
        <select value={pauseCode} onChange={(e) => setPauseCode(e.currentTarget.value)}>
          {PAUSE_CODES.map((c) => <option value={c}>{t(`pause.${c}` as Key)}</option>)}
        </select>
      </label>
      <button type="button" onClick={() => change("break", pauseCode)} aria-keyshortcuts="Alt+B">{t("state.goBreak")}</button>
      <button type="button" onClick={() => change("logged_out")}>{t("state.goLoggedOut")}</button>
      {error && <p role="alert" class="error">{error}</p>}
    </section>
  );
}
