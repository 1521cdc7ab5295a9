import { useEffect, useState } from "preact/hooks";
import { api } from "../shared/api";
import type { CampaignFigures } from "./types";

const EVERY_MS = 2000;

/** A campaign's live figures, read again every 2 s while shown (the queue service computes them from its attempts). */
export function useCampaignFigures(campaignId: string | null): CampaignFigures | null {
  const [figures, setFigures] = useState<CampaignFigures | null>(null);
  useEffect(() => {
    if (!campaignId) return;
    let stop = false;
    const read = () => api.get<CampaignFigures>(`/api/queue/campaigns/${campaignId}/figures`).then((f) => !stop && setFigures(f), () => undefined);
    read();
    const timer = setInterval(read, EVERY_MS);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [campaignId]);
  return figures;
}

/** "1.5 %" of a percentage (the API's figures are percentages already). */
export function rate(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : `${Math.round(value * 10) / 10} %`;
}

/** Whether the abandon rate is at or over its cap (red), or within a fifth of it (amber). */
export function capLevel(value: number | null | undefined, cap: number): "over" | "near" | "ok" {
  if (value === null || value === undefined) return "ok";
  return value >= cap ? "over" : value >= cap * 0.8 ? "near" : "ok";
}
