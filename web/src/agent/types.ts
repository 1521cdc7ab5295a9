// What the queue service pushes on the agent's channel (services/queue/Push/AgentView.cs).
export interface ContactCard { id: string; name: string | null; status: string; vip: boolean; href: string }
export interface ScreenPop {
  callId: string; status: "offered" | "on_call" | "wrap_up"; queueId: string; queueName: string; projectId: string; projectName: string;
  callerNumber: string; vip: boolean; priority: number; callbackNumber: string | null; arrivedAt: string; offerExpiresAt: string | null;
  contact: ContactCard | null; script: { projectId: string; href: string };
  /** The hold in progress (the queue's hold/resume), and the seconds held so far on this call. */
  heldSince?: string | null; holdSeconds?: number;
}
export interface AgentView {
  agentId: string; name: string; state: string; pauseCode: string | null; stateSince: string; wrapUpUntil: string | null; call: ScreenPop | null;
}
export interface Agent { id: string; name: string; userId: string | null; state: string; stateSince: string; groupId: string | null; pauseCode: string | null }

// The scripts service's session (services/scripts/Sessions/SessionView.cs).
export interface RenderedStep {
  stepId: string; type: string; text: string | null; kind: string | null; options: { value: string; label: string }[] | null;
  min: number | null; max: number | null; required: boolean | null; answer: string[] | null; suggestedDisposition: string | null;
  queue: string | null; isEnd: boolean; canGoBack: boolean; objections: { stepId: string; label: string }[];
}
export interface ScriptSession {
  id: string; projectId: string; scriptId: string; version: number; mode: string; callId: string | null; contactId: string | null;
  status: string; step: RenderedStep; answers: Record<string, { kind: string; values: string[]; text: string }>; path: { stepId: string }[];
}
export interface Disposition { code: string; label: string; category: string; move: string; requiresNextContact: boolean }
export interface Contact { id: string; projectId: string; name: string; phone: string; company: string | null; status: string; vip: boolean; timeZone: string | null }
