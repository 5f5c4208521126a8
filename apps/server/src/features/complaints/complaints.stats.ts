import { COMPLAINT_CAUSES, type ComplaintStats, type ComplaintStatsQuery, type LawyerComplaintCount } from '@retainer/shared';
import { startOfFirmDay } from '../../plugins/clock.js';
import type { Actor } from '../../plugins/context.js';
import { seesFees } from '../clients/clients.visibility.js';
import { addDays } from '../../plugins/days.js';
import { median } from './complaints.rules.js';
import { visibleComplaints, type ComplaintDeps } from './complaints.service.js';

type Range = { from?: string | undefined; to?: string | undefined };

/** Visible complaints received within the firm-local days [from, to]. */
function inRange(deps: ComplaintDeps, actor: Actor, range: Range) {
  let q = visibleComplaints(deps.db, actor);
  if (range.from) q = q.where('complaints.received_at', '>=', startOfFirmDay(range.from, deps.timeZone).toISOString());
  if (range.to) q = q.where('complaints.received_at', '<', startOfFirmDay(addDays(range.to, 1), deps.timeZone).toISOString());
  return q;
}

const HOUR = 3_600_000;
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

function bucketsOf(keys: (readonly [string, string] | null)[]) {
  const m = new Map<string, { key: string; name: string; count: number }>();
  for (const k of keys) {
    if (!k) continue;
    const b = m.get(k[0]) ?? { key: k[0], name: k[1], count: 0 };
    b.count++;
    m.set(k[0], b);
  }
  return [...m.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/**
 * per person, the complaints naming them (and how many were found valid) and those where
 * step 3 found them responsible — the figures a lawyer's KPIs count (seed 003). Applies the actor's
 * complaint visibility; analytics may call it for a partner or admin to get the firm's figures.
 */
export async function complaintCountsByLawyer(deps: ComplaintDeps, actor: Actor, range: Range): Promise<LawyerComplaintCount[]> {
  const rows = await inRange(deps, actor, range)
    .leftJoin('users as tu', 'tu.id', 'complaints.target_user_id')
    .leftJoin('users as ru', 'ru.id', 'complaints.responsible_user_id')
    .select(['complaints.target_user_id', 'complaints.responsible_user_id', 'complaints.valid', 'tu.name as tu_name', 'ru.name as ru_name'])
    .execute();
  const m = new Map<string, LawyerComplaintCount>();
  const of = (id: string, name: string | null) => {
    const hit = m.get(id) ?? { userId: id, name: name ?? '', count: 0, valid: 0, responsible: 0 };
    m.set(id, hit);
    return hit;
  };
  for (const r of rows) {
    if (r.target_user_id) {
      const c = of(r.target_user_id, r.tu_name);
      c.count++;
      if (r.valid === 1) c.valid++;
    }
    if (r.responsible_user_id) of(r.responsible_user_id, r.ru_name).responsible++;
  }
  return [...m.values()].sort((a, b) => b.count - a.count || b.responsible - a.responsible || a.name.localeCompare(b.name));
}

/** count, by cause and target, time per step, share accepted by the client. */
export async function complaintStats(deps: ComplaintDeps, actor: Actor, query: ComplaintStatsQuery): Promise<ComplaintStats> {
  const base = inRange(deps, actor, query);
  const [rows, steps] = await Promise.all([
    base
      .leftJoin('users as tu', 'tu.id', 'complaints.target_user_id')
      .leftJoin('matters as tm', 'tm.id', 'complaints.target_matter_id')
      .select([
        'complaints.id',
        'complaints.stage',
        'complaints.valid',
        'complaints.accepted',
        'complaints.cause',
        'complaints.target_user_id',
        'complaints.target_matter_id',
        'tu.name as tu_name',
        'tm.title as tm_title',
      ])
      .execute(),
    base
      .innerJoin('complaint_steps as s', 's.complaint_id', 'complaints.id')
      .select(['s.complaint_id', 's.seq', 's.step', 's.at'])
      .orderBy('s.complaint_id')
      .orderBy('s.seq')
      .execute(),
  ]);

  // Time of each step since the step before it, per complaint.
  const hours = new Map<number, number[]>();
  for (let i = 1; i < steps.length; i++) {
    const prev = steps[i - 1]!;
    const s = steps[i]!;
    if (prev.complaint_id !== s.complaint_id) continue;
    const list = hours.get(s.step) ?? [];
    list.push((Date.parse(s.at) - Date.parse(prev.at)) / HOUR);
    hours.set(s.step, list);
  }
  const stepTimes = [2, 3, 4, 5, 6].map((step) => {
    const list = hours.get(step) ?? [];
    return {
      step,
      count: list.length,
      averageHours: round1(list.length ? list.reduce((a, b) => a + b, 0) / list.length : null),
      medianHours: round1(median(list)),
    };
  });

  const valid = rows.filter((r) => r.valid === 1).length;
  const accepted = rows.filter((r) => r.accepted === 1).length;
  const causeOrder = new Map(COMPLAINT_CAUSES.map((c, i) => [c, i]));
  return {
    from: query.from ?? null,
    to: query.to ?? null,
    count: rows.length,
    open: rows.filter((r) => r.stage !== 'closed').length,
    closed: rows.filter((r) => r.stage === 'closed').length,
    valid,
    invalid: rows.filter((r) => r.valid === 0).length,
    accepted,
    acceptedShare: valid ? Math.round((accepted / valid) * 1000) / 1000 : null,
    byCause: bucketsOf(rows.map((r) => (r.cause ? ([r.cause, r.cause] as const) : null))).sort(
      (a, b) => b.count - a.count || causeOrder.get(a.key as never)! - causeOrder.get(b.key as never)!,
    ),
    byTargetUser: bucketsOf(rows.map((r) => (r.target_user_id ? ([r.target_user_id, r.tu_name ?? ''] as const) : null))),
    // secretaries see no matters
    byTargetMatter: seesFees(actor) ? bucketsOf(rows.map((r) => (r.target_matter_id ? ([r.target_matter_id, r.tm_title ?? ''] as const) : null))) : [],
    stepTimes,
    byLawyer: query.by === 'lawyer' ? await complaintCountsByLawyer(deps, actor, query) : null,
  };
}
