/** Time helpers for message dates, which are Unix seconds. */

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const longDate = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

const DAY_MS = 86_400_000;

export function toDate(seconds: number): Date {
  return new Date(seconds * 1000);
}

export function timeOfDay(seconds: number): string {
  return clock.format(toDate(seconds));
}

/** A key that is equal for two dates on the same local day. */
export function dayKey(seconds: number): string {
  const date = toDate(seconds);

  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/** "Today", "Yesterday" or the full date, for day separators. */
export function dayLabel(seconds: number, now = new Date()): string {
  const days = daysBetween(toDate(seconds), now);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';

  return longDate.format(toDate(seconds));
}

/** A compact stamp for the room list: the time today, the weekday this week, else the date. */
export function shortStamp(seconds: number, now = new Date()): string {
  const days = daysBetween(toDate(seconds), now);
  if (days === 0) return timeOfDay(seconds);
  if (days < 7) return weekday.format(toDate(seconds));

  return shortDate.format(toDate(seconds));
}

function daysBetween(earlier: Date, later: Date): number {
  const start = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());

  return Math.round((start(later).getTime() - start(earlier).getTime()) / DAY_MS);
}
