import { useEffect } from "preact/hooks";
import { api, rememberSession, type Session } from "./api";

// The sliding browser session: while its user works (a key or a click in the last ACTIVE_MS, or a call on the desktop),
// the app renews the session's cookie once half of its token's life is gone (POST /api/auth/session/renewal). Left alone,
// the session expires and the app shows the sign-in page; the gateway ends every session at its hard maximum anyway.
const ACTIVE_MS = 15 * 60_000;
const CHECK_MS = 15_000;

let lastActivity = Date.now();

/** The user is working (typing, clicking, or on a call). */
export function markActivity() {
  lastActivity = Date.now();
}

for (const type of ["keydown", "pointerdown"]) {
  addEventListener(type, markActivity, { capture: true, passive: true });
}

/** When the session should be renewed (half of its token's life), or null when no renewal can extend it. */
export function renewalDue(session: Session): number | null {
  const expires = Date.parse(session.expiresAt);
  if (session.endsAt && Date.parse(session.endsAt) <= expires) return null;
  const issued = session.issuedAt ? Date.parse(session.issuedAt) : expires - 60 * 60_000;
  return issued + (expires - issued) / 2;
}

/** Keeps the session alive while its user works, and hands it over as expired when its time is up. */
export function useSessionKeeper(session: Session, onRenewed: (s: Session) => void, onExpired: () => void) {
  useEffect(() => {
    let renewing = false;
    async function check() {
      const now = Date.now();
      if (now >= Date.parse(session.expiresAt)) {
        onExpired();
        return;
      }
      const due = renewalDue(session);
      if (renewing || due === null || now < due || now - lastActivity > ACTIVE_MS) return;
      renewing = true;
      try {
        const renewed = await api.post<Session>("/api/auth/session/renewal");
        rememberSession(renewed);
        onRenewed(renewed);
      } catch {
        // 401: the session ended (its maximum, or the account changed); api.ts has already sent the page to sign-in
      } finally {
        renewing = false;
      }
    }
    const timer = setInterval(check, CHECK_MS);
    check();
    return () => clearInterval(timer);
  }, [session.expiresAt, session.csrfToken]);
}
