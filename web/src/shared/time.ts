import { currentLocale } from "./i18n";

// Times are shown in the project's zone (the call center's day), not the browser's: the API sends UTC instants.

function instant(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
}

export function formatDateTime(value: string | Date | null | undefined, timeZone?: string): string {
  if (!value) return "";
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: "short", timeStyle: "short", timeZone }).format(instant(value));
}

export function formatTime(value: string | Date | null | undefined, timeZone?: string): string {
  if (!value) return "";
  return new Intl.DateTimeFormat(currentLocale(), { timeStyle: "medium", timeZone }).format(instant(value));
}

/** Today as yyyy-MM-dd in the zone. */
export function today(timeZone?: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

export function seconds(total: number | null | undefined): string {
  if (total === null || total === undefined || Number.isNaN(total)) return "–";
  const s = Math.max(0, Math.round(total));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, "0")}`;
}

export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? "–" : `${Math.round(share * 1000) / 10} %`;
}

export function secondsSince(value: string): number {
  return (Date.now() - instant(value).getTime()) / 1000;
}

export function secondsUntil(value: string): number {
  return (instant(value).getTime() - Date.now()) / 1000;
}

/** A datetime-local input's value (the browser's wall clock) as an ISO instant. */
export function fromLocalInput(value: string): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}

/**
 * A datetime-local value read as the wall clock of `timeZone` (the project's), as an ISO instant: the zone's offset at
 * that moment is found with Intl, no time-zone library needed.
 */
export function fromZonedInput(value: string, timeZone?: string): string | undefined {
  if (!value) return undefined;
  if (!timeZone) return fromLocalInput(value);
  const asUtc = new Date(`${value}:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(asUtc).map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return new Date(asUtc.getTime() - (wall - asUtc.getTime())).toISOString();
}

/** Hours and minutes in the zone (the labels of 15-minute intervals). */
export function formatClock(value: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { hour: "2-digit", minute: "2-digit", timeZone }).format(instant(value));
}
