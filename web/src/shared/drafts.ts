import { signedInUser } from "./api";

// The wrap-up's unsaved outcome (disposition, next contact, notes), kept in this browser until it is recorded, so that an
// expired session, a reload or a closed tab loses nothing the agent typed. Per user and call; a week at most.
export interface OutcomeDraft {
  userId: string; callId: string; projectId: string; contactId: string; callerNumber: string;
  code: string; next: string; notes: string; durationSeconds: number | null; savedAt: number;
}

const PREFIX = "outcome-draft:";
const KEEP_MS = 7 * 24 * 3600_000;

const keyOf = (callId: string) => `${PREFIX}${signedInUser()}:${callId}`;

export function loadDraft(callId: string): OutcomeDraft | null {
  try {
    const draft = JSON.parse(localStorage.getItem(keyOf(callId)) ?? "null") as OutcomeDraft | null;
    return draft && draft.userId === signedInUser() ? draft : null;
  } catch {
    return null;
  }
}

export function saveDraft(draft: Omit<OutcomeDraft, "userId" | "savedAt">) {
  localStorage.setItem(keyOf(draft.callId), JSON.stringify({ ...draft, userId: signedInUser(), savedAt: Date.now() }));
}

export function dropDraft(callId: string) {
  localStorage.removeItem(keyOf(callId));
}

/** This user's drafts, newest first; older than a week, dropped. */
export function draftsOfUser(): OutcomeDraft[] {
  const mine: OutcomeDraft[] = [];
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (!key?.startsWith(`${PREFIX}${signedInUser()}:`)) continue;
    try {
      const draft = JSON.parse(localStorage.getItem(key)!) as OutcomeDraft;
      if (Date.now() - draft.savedAt > KEEP_MS) localStorage.removeItem(key);
      else mine.push(draft);
    } catch {
      localStorage.removeItem(key);
    }
  }
  return mine.sort((a, b) => b.savedAt - a.savedAt);
}
