import { useEffect, useState } from "preact/hooks";
import { api } from "../shared/api";
import type { CampaignContactsLeft } from "./types";

const EVERY_MS = 30_000;

/** A campaign's contacts left today, read again every 30 s while shown (the CRM judges every contact of the source: not a 2 s figure). */
export function useContactsLeft(campaignId: string | null): CampaignContactsLeft | null {
  const [left, setLeft] = useState<CampaignContactsLeft | null>(null);
  useEffect(() => {
    if (!campaignId) return;
    let stop = false;
    const read = () => api.get<CampaignContactsLeft>(`/api/queue/campaigns/${campaignId}/contacts-left`).then((l) => !stop && setLeft(l), () => undefined);
    read();
    const timer = setInterval(read, EVERY_MS);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [campaignId]);
  return left;
}
