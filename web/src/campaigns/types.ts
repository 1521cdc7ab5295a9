// The queue service's campaigns (docs/dialer.md: services/queue/Dialer/).
export interface Campaign {
  id: string; projectId: string; queueId: string; name: string; dialMode: "preview" | "progressive" | "predictive"; callerId: string;
  source: { kind: string; statuses: string[] | null; vipOnly: boolean | null; callListId: string | null }; agentIds: string[]; groupIds: string[];
  hours: { from: string; to: string } | null; abandonCapPercent: number; ringSeconds: number;
  state: "draft" | "running" | "paused" | "stopped"; stateReason: string | null; stateSince: string; createdAt: string; updatedAt: string;
}
export interface CampaignFigures {
  campaignId: string; state: string; dialMode: string; dialed: number; ringing: number; answeredWaiting: number; connected: number;
  peopleReached: number; dropped: number; previewing: number; skipped: number; abandonRatePercent: number | null;
  windowAbandonRatePercent: number | null; windowMinutes: number; abandonCapPercent: number; results: Record<string, number>;
  agentsIdle: number; agentsOnCall: number; agentsInWrapUp: number; agentsOnBreak: number; agentsLoggedOut: number; at: string;
}
export interface CampaignDial {
  id: string; campaignId: string; contactId: string; number: string; contactName: string | null; timeZone: string | null; mode: string;
  agentId: string | null; status: string; result: string | null; skipReason: string | null; createdAt: string; placedAt: string | null; resultAt: string | null;
}
export interface CampaignContactsLeft {
  campaignId: string; inSource: number; leftToday: number; dialableNow: number; dialableLaterToday: number;
  notDialableToday: { doNotCall: number; noConsent: number; outsideWindow: number; attemptsUsedUp: number; recycledForLater: number; closed: number; held: number };
  truncated: boolean; at: string;
}
