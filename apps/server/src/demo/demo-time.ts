// The demo's "now" and firm-local days. The firm is in Asia/Shanghai (UTC+8, no DST), so a
// local working-hours instant (08:00–23:59) falls on the same UTC date as its firm day.

/** Nothing in the demo is later than this (18:00 in Shanghai on 24 Nov 2026). */
export const DEMO_NOW = Date.parse('2026-11-24T10:00:00.000Z');
export const DAY_MS = 86_400_000;
/** Firm-local today as a day number (days since 1970-01-01). */
export const TODAY = Math.floor(DEMO_NOW / DAY_MS);

export const dayOf = (ms: number) => Math.floor((ms + 8 * 3_600_000) / DAY_MS);
const dayTexts = new Map<number, string>();
/** YYYY-MM-DD of a day number (memoised: a few thousand days, asked millions of times at scale). */
export function dayText(day: number): string {
  let v = dayTexts.get(day);
  if (v === undefined) dayTexts.set(day, (v = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  return v;
}
export const iso = (ms: number) => new Date(ms).toISOString();
export const yearOf = (day: number) => new Date(day * DAY_MS).getUTCFullYear();

/** An instant on a firm day between two local hours, never after DEMO_NOW. */
export function instantOn(day: number, fraction: number, fromHour = 9, toHour = 18): number {
  const ms = day * DAY_MS + (fromHour - 8) * 3_600_000 + Math.floor(fraction * (toHour - fromHour) * 3_600_000);
  return Math.min(ms, DEMO_NOW);
}

/** FNV-1a of a text: a per-record seed, so a client's history does not depend on batching. */
export { fnv1a as hash32 } from '../plugins/hash.js';
