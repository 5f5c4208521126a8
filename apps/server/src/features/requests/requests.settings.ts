import { DEFAULT_SLA_SETTINGS, slaSettingsSchema, type SlaSettings } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import type { Clock } from '../../plugins/clock.js';
import type { Ctx } from '../../plugins/context.js';
import type { Db } from '../../plugins/db.js';
import { ValidationFailed } from '../../plugins/errors.js';
import { workingDays } from '../calendar/working-days.js';
import type { SlaClockOptions } from './requests.sla.js';

// S-2: the targets per grade, the mode and the working-hours window are one firm setting (a row
// of `settings`), read when a request comes in: a change applies to requests received after it.
const KEY = 'requests.sla';

export async function getSlaSettings(db: Kysely<Database>): Promise<SlaSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return DEFAULT_SLA_SETTINGS;
  try {
    const parsed = slaSettingsSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_SLA_SETTINGS;
  } catch {
    return DEFAULT_SLA_SETTINGS;
  }
}

export async function updateSlaSettings(deps: { db: Db; clock: Clock }, ctx: Ctx, body: SlaSettings): Promise<SlaSettings> {
  if (body.workdayEnd <= body.workdayStart) throw new ValidationFailed([{ field: 'workdayEnd', message: 'must be after the start of the working day' }]);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const before = await getSlaSettings(trx);
    const row = { key: KEY, value: JSON.stringify(body), updated_by: ctx.actor?.id ?? null, updated_at: now };
    await trx
      .insertInto('settings')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_by: row.updated_by, updated_at: now }))
      .execute();
    await recordAudit(trx, ctx, deps.clock, { action: 'update', entity: 'settings', entityId: KEY, before, after: body });
  });
  return getSlaSettings(deps.db);
}

/** The settings with the clock options they imply (pass the app's db: the calendar is cached per db). */
export async function slaContext(deps: { db: Db; timeZone: string }): Promise<{ settings: SlaSettings; options: SlaClockOptions }> {
  const settings = await getSlaSettings(deps.db);
  const calendar = await workingDays({ db: deps.db, config: { firmTimeZone: deps.timeZone } });
  return {
    settings,
    options: { mode: settings.mode, workdayStart: settings.workdayStart, workdayEnd: settings.workdayEnd, timeZone: deps.timeZone, calendar },
  };
}
