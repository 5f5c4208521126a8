import { KEY_DATE_MAX_REMIND_DAYS, type Locale } from '@retainer/shared';
import { firmDay, type Clock } from '../../plugins/clock.js';
import type { Config } from '../../plugins/config.js';
import type { Db } from '../../plugins/db.js';
import type { Job } from '../../plugins/scheduler.js';
import { notify } from '../notifications/notifications.service.js';
import { daysBetween, reminderDue, reminderMessage } from './matter-process.rules.js';
import { addDays } from '../../plugins/days.js';

/**
 * M-5: on a key date's reminder day (date − remindDaysBefore, firm-local), tells the matter's lead
 * lawyer once, in-app. reminded_at is claimed with a conditional update before notifying, so a second
 * run, or a second instance, sends nothing. Dates already past and closed matters are not reminded.
 */
export async function remindKeyDates(deps: { db: Db; clock: Clock; config: Config }): Promise<number> {
  const today = firmDay(deps.clock.now(), deps.config.firmTimeZone);
  const candidates = await deps.db
    .selectFrom('matter_key_dates as k')
    .innerJoin('matters as m', 'm.id', 'k.matter_id')
    .innerJoin('users as lead', 'lead.id', 'm.lead_lawyer_id')
    .select(['k.id', 'k.kind', 'k.date', 'k.time', 'k.title', 'k.remind_days_before', 'm.id as matter_id', 'm.title as matter_title', 'm.lead_lawyer_id', 'lead.locale'])
    .where('k.reminded_at', 'is', null)
    .where('k.date', '>=', today)
    .where('k.date', '<=', addDays(today, KEY_DATE_MAX_REMIND_DAYS))
    .where('m.status', '!=', 'closed')
    .orderBy('k.date')
    .execute();
  let sent = 0;
  for (const k of candidates) {
    if (!reminderDue({ date: k.date, remind_days_before: Number(k.remind_days_before) }, today)) continue;
    const claimed = await deps.db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('matter_key_dates')
        .set({ reminded_at: deps.clock.now().toISOString() })
        .where('id', '=', k.id)
        .where('reminded_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return false;
      const message = reminderMessage((k.locale ?? 'zh-CN') as Locale, k, k.matter_title, daysBetween(today, k.date));
      await notify(trx, deps.clock, [k.lead_lawyer_id], {
        kind: 'key_date_due',
        data: { keyDateId: k.id, matterId: k.matter_id, matterTitle: k.matter_title, kind: k.kind, title: k.title, date: k.date, time: k.time, message },
        link: `/matters/${k.matter_id}`,
      });
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}

/** M-5: hourly, and at start. */
export const keyDateRemindersJob: Job = {
  name: 'key-date-reminders',
  every: { minutes: 60 },
  async run(deps) {
    const n = await remindKeyDates(deps);
    return n ? `sent ${n} reminder(s)` : null;
  },
};
