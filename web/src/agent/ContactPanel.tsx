import { useEffect, useState } from "preact/hooks";
import { api } from "../shared/api";
import { t, type Key } from "../shared/i18n";
import { formatDateTime, seconds } from "../shared/time";
import { ContactConsent } from "./ContactConsent";
import type { Contact, ContactCard } from "./types";

interface History {
  statusMoves: { from: string | null; to: string; at: string; reason: string }[];
  outcomes: { id: string; dispositionCode: string; category: string; notes: string | null; nextContactAt: string | null; recordedAt: string; durationSeconds: number | null }[];
  calls: { callId: string; talkSeconds: number; waitSeconds: number }[];
}

/** The caller's card and their history with the project (outcomes, calls, status moves). */
export function ContactPanel({ contact, callerNumber, zone, historyVersion }: {
  contact: ContactCard | null; callerNumber: string; zone?: string; historyVersion: number;
}) {
  const [details, setDetails] = useState<Contact | null>(null);
  useEffect(() => {
    if (contact) api.get<Contact>(`/api/clients/contacts/${contact.id}`).then(setDetails, () => setDetails(null));
  }, [contact?.id]);
  if (!contact) {
    return (
      <section class="card contact" aria-labelledby="contact-title">
        <h3 id="contact-title">{t("contact.title")}</h3>
        <p>{t("contact.unknown")} {callerNumber}</p>
      </section>
    );
  }
  return (
    <section class="card contact" aria-labelledby="contact-title">
      <h3 id="contact-title">{t("contact.title")}</h3>
      <dl class="facts">
        <dt>{t("contact.name")}</dt><dd data-testid="contact-name">{contact.name ?? details?.name}</dd>
        <dt>{t("contact.status")}</dt><dd>{t(`status.${contact.status}` as Key) ?? contact.status}</dd>
        {details?.company && (<><dt>{t("contact.company")}</dt><dd>{details.company}</dd></>)}
        <dt>{t("contact.phone")}</dt><dd>{details?.phone ?? callerNumber}</dd>
        {contact.vip && (<><dt>VIP</dt><dd>✔</dd></>)}
      </dl>
      <ContactConsent contactId={contact.id} zone={zone} />
      <ContactHistory contactId={contact.id} zone={zone} version={historyVersion} />
    </section>
  );
}

export function ContactHistory({ contactId, zone, version }: { contactId: string; zone?: string; version: number }) {
  const [history, setHistory] = useState<History | null>(null);
  useEffect(() => {
    api.get<History>(`/api/clients/contacts/${contactId}/history`).then(setHistory, () => setHistory(null));
  }, [contactId, version]);
  if (!history) return null;
  const outcomes = [...history.outcomes].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  return (
    <section aria-labelledby="history-title" class="history">
      <h4 id="history-title">{t("history.title")}</h4>
      {outcomes.length === 0 && <p>{t("history.none")}</p>}
      <ol data-testid="contact-history">
        {outcomes.map((o) => (
          <li>
            <time>{formatDateTime(o.recordedAt, zone)}</time> <strong>{o.dispositionCode}</strong>
            {o.durationSeconds !== null && <span> · {seconds(o.durationSeconds)}</span>}
            {o.nextContactAt && <span> · {t("outcome.nextContact")}: {formatDateTime(o.nextContactAt, zone)}</span>}
            {o.notes && <p class="notes">{o.notes}</p>}
          </li>
        ))}
      </ol>
      {history.calls.length > 0 && <p>{t("history.calls")}: {history.calls.length}</p>}
    </section>
  );
}
