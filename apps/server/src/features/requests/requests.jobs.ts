// S-4: warnings at 80% of a target and breach flags, as a job the scheduler runs every minute.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../plugins/clock.js';
import type { Job } from '../../plugins/scheduler.js';
import { notify } from '../notifications/notifications.service.js';

type JobDeps = { db: Kysely<Database>; clock: Clock; config: { firmTimeZone: string } };
const TARGET_TEXT = { reply: '首次回复', opinion: '初步意见' } as const;

/**
 * S-4: the assignee is told once when an unmet target of an open request passes its warning point,
 * and once when it is breached (the client's owner too, when someone else is the assignee). A target
 * already breached when first seen gets only the breach notice. Each notice is claimed by setting its
 * flag in the same transaction (`where flag is null`), so concurrent runs never send one twice; a
 * commitment clears both flags, so a new due time earns its own notices. Notifications go to the
 * reminder channels (webhook) through notify().
 */
export async function flagRequestSla(deps: JobDeps): Promise<{ warned: number; breached: number }> {
  const { clock } = deps;
  const fmt = new Intl.DateTimeFormat('zh-CN', { timeZone: deps.config.firmTimeZone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const now = clock.now().toISOString();
  let warned = 0;
  let breached = 0;
  for (const p of ['reply', 'opinion'] as const) {
    await deps.db.transaction().execute(async (trx) => {
      const base = trx
        .selectFrom('requests as r')
        .innerJoin('clients as c', 'c.id', 'r.client_id')
        .select(['r.id', 'r.subject', 'r.assignee_id', 'r.client_id', 'c.name as client_name', 'c.owner_id', `r.${p}_due_at as due_at`])
        .where('r.status', '=', 'open')
        .where(`r.${p}_done_at`, 'is', null);
      const breaches = await base.where(`r.${p}_breach_flagged_at`, 'is', null).where(`r.${p}_due_at`, '<', now).execute();
      const warnings = await base
        .where(`r.${p}_warned_at`, 'is', null)
        .where(`r.${p}_warn_at`, '<=', now)
        .where(`r.${p}_due_at`, '>=', now)
        .where(`r.${p}_late`, '=', 0)
        .execute();
      for (const r of warnings) {
        const claimed = await trx.updateTable('requests').set({ [`${p}_warned_at`]: now }).where('id', '=', r.id).where(`${p}_warned_at`, 'is', null).executeTakeFirst();
        if (!Number(claimed.numUpdatedRows)) continue;
        warned++;
        await notify(trx, clock, [r.assignee_id], {
          kind: 'request_sla_warning',
          data: { requestId: r.id, target: p, dueAt: r.due_at, clientName: r.client_name, message: `「${r.client_name}」的需求「${r.subject}」${TARGET_TEXT[p]}即将超时（截止 ${fmt.format(new Date(r.due_at))}）` },
          link: `/requests?open=${r.id}`,
        });
      }
      for (const r of breaches) {
        const claimed = await trx
          .updateTable('requests')
          .set({ [`${p}_breach_flagged_at`]: now, [`${p}_warned_at`]: now })
          .where('id', '=', r.id)
          .where(`${p}_breach_flagged_at`, 'is', null)
          .executeTakeFirst();
        if (!Number(claimed.numUpdatedRows)) continue;
        breached++;
        await notify(trx, clock, [r.assignee_id, r.owner_id], {
          kind: 'request_sla_breached',
          data: { requestId: r.id, target: p, dueAt: r.due_at, clientName: r.client_name, message: `「${r.client_name}」的需求「${r.subject}」${TARGET_TEXT[p]}已超时` },
          link: `/requests?open=${r.id}`,
        });
      }
    });
  }
  return { warned, breached };
}

export const REQUEST_JOBS: readonly Job[] = [
  {
    name: 'requests.sla',
    every: { minutes: 1 },
    run: async (deps) => {
      const r = await flagRequestSla(deps);
      return r.warned || r.breached ? `requests: ${r.warned} warned, ${r.breached} breached` : null;
    },
  },
];
