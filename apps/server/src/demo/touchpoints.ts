// Issue 6 item 10: the demo's care plan. The product's own generator plans the year (and the next
// when it is near), then each touchpoint due before the demo's today gets a state drawn from a hash
// of its client, kind and period (so a re-seed gives the same shares): done on time, done late,
// skipped with a reason, or still open — flagged and escalated as the hourly job would have done.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { generateYear, yearsToPlan, type GenerateResult } from '../features/care/care.generate.js';
import { getSettings } from '../features/settings/settings.service.js';
import { firmDay, fixedClock, startOfFirmDay } from '../plugins/clock.js';
import { DAY_MS, DEMO_NOW, hash32, instantOn, iso } from './demo-time.js';

/** The demo firm's zone (demo-time.ts assumes UTC+8 throughout). */
export const DEMO_TIME_ZONE = 'Asia/Shanghai';

/** Shares of the touchpoints due before today; the rest stay open (overdue). */
export const DEMO_SHARES = { onTime: 0.78, late: 0.09, skipped: 0.04 } as const;

export const SKIP_REASONS = [
  '客户出差',
  '客户要求改期',
  '已在其他场合沟通',
  '客户负责人休假，暂缓联系',
  '客户内部机构调整，暂缓拜访',
  '客户近期已多次沟通，无需重复',
  '疫情防控期间改为线上交流',
] as const;

/** Rows per UPDATE … FROM (VALUES …): 8 values each, under SQLite's 32,766 bind variables. */
const UPDATE_ROWS = 2_000;
/** Past-due touchpoints read per round. */
const READ_ROWS = 20_000;

type Due = { id: string; client_id: string; kind: string; period_key: string; due_on: string; window_start: string; assignee_id: string | null };

/** The state one past-due touchpoint is left in (its columns, as text). */
export type DemoState = {
  id: string;
  status: 'done' | 'skipped' | 'open';
  done_at: string | null;
  done_on: string | null;
  skip_reason: string | null;
  skipped_by: string | null;
  overdue_flagged_at: string | null;
  escalated_at: string | null;
  updated_at: string;
};

const dayNumber = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / DAY_MS);
const dayText = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** The hourly job's first run on a firm day: within its first hour (00:00–00:59 local). */
const jobRunOn = (day: number, u: number) => Math.min(DEMO_NOW, day * DAY_MS - 8 * 3_600_000 + Math.floor(u * 3_600_000));

/** A fraction in [0, 1) from the touchpoint's key and a salt. */
const fraction = (key: string, salt: string) => hash32(`${key}#${salt}`) / 4294967296;

/** The state of a touchpoint due before `today` (firm day), by a hash of client, kind and period. */
export function demoStateOf(t: Due, today: string, escalationDays: number): DemoState {
  const key = `${t.client_id}|${t.kind}|${t.period_key}`;
  const u = fraction(key, 'state');
  const due = dayNumber(t.due_on);
  const todayN = dayNumber(today);
  const base = { id: t.id, done_at: null, done_on: null, skip_reason: null, skipped_by: null, overdue_flagged_at: null, escalated_at: null };
  if (u < DEMO_SHARES.onTime + DEMO_SHARES.late) {
    // on time: a few days before the due day (never before the window opens); late: 1–10 days after
    const onTime = u < DEMO_SHARES.onTime;
    const shift = Math.floor(fraction(key, 'day') * (onTime ? 5 : 10));
    const day = onTime ? Math.max(dayNumber(t.window_start), due - shift) : Math.min(todayN, due + 1 + shift);
    const at = iso(instantOn(day, fraction(key, 'time'), 10, 17));
    return { ...base, status: 'done', done_at: at, done_on: dayText(day), updated_at: at };
  }
  if (u < DEMO_SHARES.onTime + DEMO_SHARES.late + DEMO_SHARES.skipped) {
    const day = Math.min(todayN, due + Math.floor(fraction(key, 'day') * 5) - 2);
    const reason = SKIP_REASONS[Math.floor(fraction(key, 'reason') * SKIP_REASONS.length)]!;
    return { ...base, status: 'skipped', skip_reason: reason, skipped_by: t.assignee_id, updated_at: iso(instantOn(day, fraction(key, 'time'), 10, 17)) };
  }
  // P-6: flagged the day after it fell due, escalated once the firm's delay had passed
  const flagged = iso(jobRunOn(due + 1, fraction(key, 'flag')));
  const escalated = due + escalationDays <= todayN ? iso(jobRunOn(due + escalationDays, fraction(key, 'escalate'))) : null;
  return { ...base, status: 'open', overdue_flagged_at: flagged, escalated_at: escalated, updated_at: escalated ?? flagged };
}

async function writeStates(trx: Kysely<Database>, states: DemoState[]) {
  for (let i = 0; i < states.length; i += UPDATE_ROWS) {
    const values = sql.join(
      states
        .slice(i, i + UPDATE_ROWS)
        .map((s) => sql`(${s.id}, ${s.status}, ${s.done_at}, ${s.done_on}, ${s.skip_reason}, ${s.skipped_by}, ${s.overdue_flagged_at}, ${s.escalated_at}, ${s.updated_at})`),
    );
    // UPDATE … FROM a VALUES list on both dialects (classification.recompute.ts writeBatch)
    await sql`with v(id, status, done_at, done_on, skip_reason, skipped_by, overdue_flagged_at, escalated_at, updated_at) as (values ${values})
      update touchpoints set status = v.status, done_at = v.done_at, done_on = v.done_on, skip_reason = v.skip_reason, skipped_by = v.skipped_by,
        overdue_flagged_at = v.overdue_flagged_at, escalated_at = v.escalated_at, updated_at = v.updated_at
      from v where touchpoints.id = v.id`.execute(trx);
  }
}

/** `done`: done on time; `late`: done after the due day; `overdue`: still open past it. */
export type DemoTouchpoints = { planned: GenerateResult[]; done: number; late: number; skipped: number; overdue: number };

/**
 * Plans the demo's year with the product's generator as of 1 January (the whole year), and the next
 * year as of the demo's now when the daily job would have (P-4: within 90 days of its start), then
 * gives the past-due touchpoints their states in one transaction.
 */
export async function seedTouchpoints(db: Kysely<Database>, timeZone = DEMO_TIME_ZONE): Promise<DemoTouchpoints> {
  const now = new Date(DEMO_NOW);
  const today = firmDay(now, timeZone);
  const planned: GenerateResult[] = [];
  for (const year of yearsToPlan(today)) {
    const clock = fixedClock((year === now.getUTCFullYear() ? startOfFirmDay(`${year}-01-01`, timeZone) : now).toISOString());
    planned.push(await generateYear({ db, clock, timeZone }, year));
  }
  const { touchpointEscalationDays } = await getSettings(db);
  const out: DemoTouchpoints = { planned, done: 0, late: 0, skipped: 0, overdue: 0 };
  await db.transaction().execute(async (trx) => {
    let after = '';
    for (;;) {
      const rows: Due[] = await trx
        .selectFrom('touchpoints')
        .select(['id', 'client_id', 'kind', 'period_key', 'due_on', 'window_start', 'assignee_id'])
        .where('status', '=', 'open')
        .where('due_on', '<', today)
        .where('id', '>', after)
        .orderBy('id')
        .limit(READ_ROWS)
        .execute();
      if (!rows.length) break;
      const states = rows.map((t) => demoStateOf(t, today, touchpointEscalationDays));
      states.forEach((s, k) => {
        if (s.status === 'skipped') out.skipped++;
        else if (s.status === 'open') out.overdue++;
        else if (s.done_on! > rows[k]!.due_on) out.late++;
        else out.done++;
      });
      await writeStates(trx, states);
      after = rows[rows.length - 1]!.id;
    }
  });
  return out;
}
