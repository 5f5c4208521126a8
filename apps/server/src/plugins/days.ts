// Calendar days as 'YYYY-MM-DD' text (firm-local days; see clock.ts for instants).

/** The day n days after (or before, for negative n) a day. */
export function addDays(day: string, n: number): string {
  // hot in year planning: no intermediate arrays or ISO strings
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + n));
  const m = d.getUTCMonth() + 1;
  const dd = d.getUTCDate();
  return `${d.getUTCFullYear()}-${m < 10 ? '0' : ''}${m}-${dd < 10 ? '0' : ''}${dd}`;
}

/** The next calendar day. */
export const nextDay = (day: string): string => addDays(day, 1);
