import { Lunar, LunarYear } from 'lunar-javascript';
import { lunarToSolar, occurrencesInYear, nextOccurrence } from '/work/main/apps/server/src/features/calendar/lunar.ts';
let n = 0, bad = 0;
for (let y = 1899; y <= 2101; y++) for (const m of LunarYear.fromYear(y).getMonthsInYear()) for (let d = 1; d <= m.getDayCount(); d++) {
  n++; const a = lunarToSolar(y, Math.abs(m.getMonth()), d, m.getMonth() < 0); const b = Lunar.fromYmd(y, m.getMonth(), d).getSolar().toYmd(); if (a !== b) bad++;
}
console.log('days', n, 'mismatch', bad);
const t = Date.now(); let k = 0;
for (let i = 0; i < 20000; i++) { const y = 2000 + (i % 30); k += occurrencesInYear({ calendar: 'lunar', year: null, month: 1 + (i % 12), day: 1 + (i % 30), leapMonth: i % 7 === 0 }, y).length; nextOccurrence({ calendar: 'lunar', year: null, month: 12, day: 20, leapMonth: false }, `${y}-12-31`); }
console.log('20000 occurrences+next', Date.now() - t, 'ms', k);
