// P-4 daily generation and P-6 overdue flags and escalation, as jobs the scheduler runs.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { firmDay, type Clock } from '../../plugins/clock.js';
import type { Config } from '../../plugins/config.js';
import type { Job } from '../../plugins/scheduler.js';
import { notify } from '../notifications/notifications.service.js';
import { getSettings } from '../settings/settings.service.js';
import { addDays } from '../../plugins/days.js';
import { generateYear, yearsToPlan, type GenerateResult } from './care.generate.js';

type JobDeps = { db: Kysely<Database>; clock: Clock; config: Config };

/** P-4: keeps this year planned, and the next one from 90 days before it starts. */
export async function generatePlans(deps: JobDeps): Promise<GenerateResult[]> {
  const d = { db: deps.db, clock: deps.clock, timeZone: deps.config.firmTimeZone };
  const out: GenerateResult[] = [];
  for (const year of yearsToPlan(firmDay(deps.clock.now(), deps.config.firmTimeZone))) out.push(await generateYear(d, year));
  return out;
}

/**
 * P-6: on the first day a touchpoint is overdue its assignee is told (one notice per person per
 * run, with the count); after the firm's escalation delay the client's owner is told, or the
 * partners of the owner's team when the owner is the assignee. Each touchpoint is flagged and
 * escalated once.
 */
export async function flagOverdueTouchpoints(deps: JobDeps): Promise<{ flagged: number; escalated: number }> {
  const { db, clock } = deps;
  const today = firmDay(clock.now(), deps.config.firmTimeZone);
  const now = clock.now().toISOString();
  const { touchpointEscalationDays } = await getSettings(db);
  const escalateBefore = addDays(today, -touchpointEscalationDays);
  return db.transaction().execute(async (trx) => {
    const late = await trx
      .selectFrom('touchpoints')
      .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('due_on').as('oldest')])
      .where('status', '=', 'open')
      .where('due_on', '<', today)
      .where('overdue_flagged_at', 'is', null)
      .groupBy('assignee_id')
      .execute();
    let flagged = 0;
    for (const r of late) {
      const n = Number(r.n);
      flagged += n;
      if (!r.assignee_id) continue;
      await notify(trx, clock, [r.assignee_id], {
        kind: 'touchpoints_overdue',
        data: { count: n, oldest: r.oldest, message: `有 ${n} 项维护任务已逾期，请尽快处理` },
        link: '/touchpoints?status=overdue',
      });
    }
    if (flagged) {
      await trx
        .updateTable('touchpoints')
        .set({ overdue_flagged_at: now })
        .where('status', '=', 'open')
        .where('due_on', '<', today)
        .where('overdue_flagged_at', 'is', null)
        .execute();
    }

    const due = await trx
      .selectFrom('touchpoints as t')
      .innerJoin('clients as c', 'c.id', 't.client_id')
      .leftJoin('users as o', 'o.id', 'c.owner_id')
      .select(['t.assignee_id', 'c.owner_id', 'o.team_id as owner_team', (eb) => eb.fn.countAll<number>().as('n')])
      .where('t.status', '=', 'open')
      .where('t.due_on', '<=', escalateBefore)
      .where('t.escalated_at', 'is', null)
      .groupBy(['t.assignee_id', 'c.owner_id', 'o.team_id'])
      .execute();
    let escalated = 0;
    const counts = new Map<string, number>();
    const partnersOf = new Map<string, string[]>();
    for (const r of due) {
      const n = Number(r.n);
      escalated += n;
      let to: string[];
      if (r.owner_id !== r.assignee_id) to = [r.owner_id];
      else {
        const team = r.owner_team ?? '';
        if (!partnersOf.has(team)) {
          const q = trx.selectFrom('users').select('id').where('role', '=', 'partner').where('active', '=', 1);
          partnersOf.set(team, (await (r.owner_team ? q.where('team_id', '=', r.owner_team) : q).execute()).map((u) => u.id));
        }
        to = partnersOf.get(team)!;
      }
      for (const u of to) counts.set(u, (counts.get(u) ?? 0) + n);
    }
    for (const [userId, n] of counts) {
      await notify(trx, clock, [userId], {
        kind: 'touchpoints_escalated',
        data: { count: n, days: touchpointEscalationDays, message: `有 ${n} 项维护任务逾期超过 ${touchpointEscalationDays} 天仍未完成` },
        link: '/touchpoints?status=overdue&assignee=all',
      });
    }
    if (escalated) {
      await trx
        .updateTable('touchpoints')
        .set({ escalated_at: now })
        .where('status', '=', 'open')
        .where('due_on', '<=', escalateBefore)
        .where('escalated_at', 'is', null)
        .execute();
    }
    return { flagged, escalated };
  });
}

/** Z-2: the daily plan after the night's reclassification (00:01), and the hourly overdue check. */
export const CARE_JOBS: readonly Job[] = [
  {
    name: 'care.generate',
    every: 'daily',
    at: '00:20',
    run: async (deps) => {
      const results = await generatePlans(deps);
      return results.map((r) => `care plan ${r.year}: ${r.clients} clients, ${r.created} created, ${r.moved} moved, ${r.cancelled} cancelled`).join('; ');
    },
  },
  {
    name: 'care.overdue',
    every: { minutes: 60 },
    run: async (deps) => {
      const r = await flagOverdueTouchpoints(deps);
      return r.flagged || r.escalated ? `touchpoints: ${r.flagged} newly overdue, ${r.escalated} escalated` : null;
    },
  },
];
