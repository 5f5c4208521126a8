import type { ClassificationChange, ClassificationSummary, ClientClassification, ClientTierChange, Locale, Settings } from '@retainer/shared';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import { firmDay, type Clock } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import type { Db } from '../../plugins/db.js';
import { Forbidden, ValidationFailed } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import type { ClientsTable } from '../clients/clients.table.js';
import { seesFees, visibleClientOr404, visibleTo } from '../clients/clients.visibility.js';
import { getSettings } from '../settings/settings.service.js';
import { addTimelineEvent } from '../timeline/timeline.service.js';
import { explain } from './classification.causes.js';
import { LAST_RUN_KEY, loadActivity } from './classification.recompute.js';
import { classify, scorersFor, thresholdProblems, type Classified, type ClientFacts } from './classification.rules.js';
import type { ClassificationChangesTable } from './classification.table.js';
import { replan } from '../care/care.generate.js';

type Deps = { db: Db; clock: Clock; timeZone: string };

const HISTORY = 20;

/** The rule's view of one client today (quintile mode ranks it among the whole firm). */
export async function deriveOne(
  db: Kysely<Database>,
  clock: Clock,
  timeZone: string,
  row: Pick<ClientsTable, 'id' | 'hourly_rate_fen'>,
  settings?: Settings,
): Promise<{ facts: ClientFacts; derived: Classified; settings: Settings }> {
  const s = settings ?? (await getSettings(db));
  const today = firmDay(clock.now(), timeZone);
  const mine = await loadActivity(db, today, [row.id]);
  const firm = s.rfmMode === 'quintile' ? (await loadActivity(db, today)).values() : undefined;
  const facts: ClientFacts = {
    matters: 0, openMatters: 0, retainersInForce: 0, matters36: 0, fees12Fen: 0, fees36Fen: 0, firstEngagedOn: null, lastEngagedOn: null,
    ...mine.get(row.id),
    hourlyRateFen: row.hourly_rate_fen,
  };
  const derived = classify(facts, s, today, scorersFor(s, today, firm as Iterable<ClientFacts> | undefined));
  return { facts, derived, settings: s };
}

/** K-6: a person's change, kept with its reason (grade and status keep their own timeline kinds). */
export async function recordManualChange(
  trx: Kysely<Database>,
  clock: Clock,
  change: { clientId: string; field: ClassificationChangesTable['field']; from: string | null; to: string | null; reason: string | null; rule?: string | null; actorId: string },
) {
  const at = clock.now().toISOString();
  await trx
    .insertInto('classification_changes')
    .values({
      id: newId(clock.now().getTime()),
      client_id: change.clientId,
      field: change.field,
      old: change.from,
      new: change.to,
      cause: 'manual',
      rule: change.rule ?? null,
      reason: change.reason,
      actor_id: change.actorId,
      at,
    })
    .execute();
}

const actorOf = (ctx: Ctx): Actor => {
  if (!ctx.actor) throw new Forbidden();
  return ctx.actor;
};

/** K-3: a manual tier with a reason wins; null hands it back to the rule. Owner, partner or admin, as for grade. */
export async function setTier({ db, clock, timeZone }: Deps, ctx: Ctx, id: string, input: ClientTierChange): Promise<void> {
  const actor = actorOf(ctx);
  if (input.tier && !input.reason) throw new ValidationFailed([{ field: 'reason', message: 'a reason is required to set a tier by hand' }]);
  await db.transaction().execute(async (trx) => {
    const before = await visibleClientOr404(trx, actor, id);
    if (actor.role !== 'admin' && actor.role !== 'partner' && before.owner_id !== actor.id) throw new Forbidden();
    let tier = input.tier;
    let rule: string | null = null;
    if (!tier) {
      const { derived } = await deriveOne(trx, clock, timeZone, before);
      tier = derived.tier;
      rule = derived.rules.tier;
    }
    const changed = { tier, tier_manual: input.tier ? 1 : 0, tier_reason: input.reason ?? null };
    await trx.updateTable('clients').set({ ...changed, updated_at: clock.now().toISOString() }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, clock, {
      action: 'update',
      entity: 'client',
      entityId: id,
      before: { tier: before.tier, tier_manual: before.tier_manual, tier_reason: before.tier_reason },
      after: changed,
    });
    await recordManualChange(trx, clock, { clientId: id, field: 'tier', from: before.tier, to: tier, reason: input.reason ?? null, rule, actorId: actor.id });
    await addTimelineEvent(trx, clock, {
      clientId: id,
      kind: 'classification_changed',
      actorId: actor.id,
      data: { field: 'tier', from: before.tier, to: tier, cause: 'manual', reason: input.reason ?? null, ...(rule ? { rule } : {}) },
    });
  });
  await replan({ db, clock, timeZone }, [id]);
}

export async function classificationHistory(db: Kysely<Database>, clientId: string, limit = HISTORY): Promise<ClassificationChange[]> {
  const rows = await db
    .selectFrom('classification_changes as cc')
    .leftJoin('users as u', 'u.id', 'cc.actor_id')
    .selectAll('cc')
    .select('u.name as actor_name')
    .where('cc.client_id', '=', clientId)
    .orderBy('cc.at', 'desc')
    .orderBy('cc.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    field: r.field,
    from: r.old,
    to: r.new,
    cause: r.cause,
    rule: r.rule,
    reason: r.reason,
    actorId: r.actor_id,
    actorName: r.actor_name,
    at: r.at,
  }));
}

/** GET …/classification: the stored values, why they are so, and the last changes. */
export async function readClassification({ db, clock, timeZone }: Deps, actor: Actor, id: string, locale: Locale): Promise<ClientClassification> {
  const row = await visibleClientOr404(db, actor, id);
  const [{ facts, derived, settings }, history] = await Promise.all([deriveOne(db, clock, timeZone, row), classificationHistory(db, id)]);
  const withFees = seesFees(actor);
  return {
    clientId: id,
    grade: row.grade,
    gradeManual: row.grade_manual === 1,
    gradeReason: row.grade_reason,
    rfm: { r: row.r_score ?? derived.rfm.r, f: row.f_score ?? derived.rfm.f, m: row.m_score ?? derived.rfm.m },
    tier: row.tier,
    tierManual: row.tier_manual === 1,
    tierReason: row.tier_reason,
    quadrant: row.quadrant,
    status: row.status,
    statusManual: row.status_manual === 1,
    statusReason: row.status_reason,
    classifiedAt: row.classified_at,
    causes: explain(row, facts, derived, settings, locale, withFees),
    history: withFees ? history : history.filter((h) => h.field !== 'grade'),
  };
}

/** Counts by tier, grade, status and quadrant and the F×M cells, over the clients the caller may see. */
export async function classificationSummary(db: Kysely<Database>, actor: Actor): Promise<ClassificationSummary> {
  const [rows, last] = await Promise.all([
    db
      .selectFrom('clients')
      .select(['tier', 'grade', 'status', 'quadrant', 'f_score', 'm_score', sql<number>`count(*)`.as('n')])
      .where(visibleTo(actor) as never)
      .groupBy(['tier', 'grade', 'status', 'quadrant', 'f_score', 'm_score'])
      .execute(),
    db.selectFrom('meta').select('value').where('key', '=', LAST_RUN_KEY).executeTakeFirst(),
  ]);
  const out: ClassificationSummary = {
    total: 0,
    byTier: {},
    byGrade: { A: 0, B: 0, C: 0 },
    byStatus: {},
    byQuadrant: {},
    cells: [],
    unclassified: 0,
    lastRunAt: last?.value ?? null,
  };
  const cells = new Map<string, { f: number; m: number; count: number }>();
  const add = (map: Record<string, number>, key: string, n: number) => (map[key] = (map[key] ?? 0) + n);
  for (const r of rows) {
    const n = Number(r.n);
    out.total += n;
    add(out.byTier, r.tier ?? 'none', n);
    add(out.byGrade, r.grade, n);
    add(out.byStatus, r.status, n);
    if (r.f_score === null || r.m_score === null) {
      out.unclassified += n;
      continue;
    }
    add(out.byQuadrant, r.quadrant ?? 'other', n);
    const key = `${r.f_score}:${r.m_score}`;
    const cell = cells.get(key) ?? { f: Number(r.f_score), m: Number(r.m_score), count: 0 };
    cell.count += n;
    cells.set(key, cell);
  }
  out.cells = [...cells.values()].sort((a, b) => a.f - b.f || a.m - b.m);
  return out;
}

/** Settings: thresholds must stay ordered (400 naming each field that breaks the order). */
export function assertThresholds(s: Settings) {
  const problems = thresholdProblems(s);
  if (problems.length) throw new ValidationFailed(problems);
}
