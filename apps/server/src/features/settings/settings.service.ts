import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '@retainer/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import type { Clock } from '../../plugins/clock.js';
import type { Ctx } from '../../plugins/context.js';
import type { Db } from '../../plugins/db.js';
import { assertThresholds } from '../classification/classification.service.js';

/** Stored values over the defaults; an unreadable stored value falls back to its default. */
export async function getSettings(db: Kysely<Database>): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored: Record<string, unknown> = {};
  for (const r of rows) {
    try {
      stored[r.key] = JSON.parse(r.value);
    } catch {
      // ignore a damaged value
    }
  }
  const merged = { ...DEFAULT_SETTINGS, ...stored };
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function updateSettings({ db, clock }: { db: Db; clock: Clock }, ctx: Ctx, patch: Partial<Settings>): Promise<Settings> {
  await db.transaction().execute(async (trx) => {
    const before = await getSettings(trx);
    assertThresholds({ ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) });
    const now = clock.now().toISOString();
    const changed = Object.entries(patch).filter(([k, v]) => v !== undefined && before[k as keyof Settings] !== v);
    for (const [key, value] of changed) {
      const row = { key, value: JSON.stringify(value), updated_by: ctx.actor?.id ?? null, updated_at: now };
      await trx
        .insertInto('settings')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_by: row.updated_by, updated_at: now }))
        .execute();
    }
    if (changed.length) {
      await recordAudit(trx, ctx, clock, {
        action: 'update',
        entity: 'settings',
        entityId: 'firm',
        before: Object.fromEntries(changed.map(([k]) => [k, before[k as keyof Settings]])),
        after: Object.fromEntries(changed),
      });
    }
  });
  return getSettings(db);
}
