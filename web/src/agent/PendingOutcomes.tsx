import { useState } from "preact/hooks";
import { t } from "../shared/i18n";
import { draftsOfUser, dropDraft, type OutcomeDraft } from "../shared/drafts";
import { OutcomeForm } from "./OutcomeForm";
import type { ScreenPop } from "./types";

/**
 * Outcomes typed but not recorded whose call is no longer on the desktop (the session expired and the wrap-up ran out
 * meanwhile, or the tab was closed): kept in the browser until the agent records or discards them.
 */
export function PendingOutcomes({ exceptCallId }: { exceptCallId?: string }) {
  const [drafts, setDrafts] = useState<OutcomeDraft[]>(() => draftsOfUser());
  const shown = drafts.filter((d) => d.callId !== exceptCallId);
  if (shown.length === 0) return null;
  const done = (callId: string) => {
    dropDraft(callId);
    setDrafts((all) => all.filter((d) => d.callId !== callId));
  };
  return (
    <section class="pending" aria-labelledby="pending-title">
      <h2 id="pending-title">{t("pending.title")}</h2>
      {shown.map((d) => (
        <div class="pending-outcome" data-testid="pending-outcome">
          <p>{t("pending.call")} {d.callerNumber}</p>
          <OutcomeForm
            call={{ callId: d.callId, projectId: d.projectId, callerNumber: d.callerNumber } as ScreenPop}
            contactId={d.contactId} session={null} talkSeconds={() => d.durationSeconds ?? 0} wrapUp={false} ended={true}
            onRecorded={() => undefined} onFinished={() => done(d.callId)}
          />
          <button type="button" class="link" onClick={() => done(d.callId)}>{t("pending.discard")}</button>
        </div>
      ))}
    </section>
  );
}
