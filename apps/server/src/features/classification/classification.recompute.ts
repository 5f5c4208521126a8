import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { firmDay, type Clock } from '../../plugins/clock.js';
import type { Config } from '../../plugins/config.js';
import type { Db } from '../../plugins/db.js';
import { newId } from '../../plugins/ids.js';
import { getSettings } from '../settings/settings.service.js';
import type { ClientsTable } from '../clients/clients.table.js';
import type { ClassificationChangesTable } from './classification.table.js';
import { classify, effectiveStatus, scorersFor, windows, type ClientFacts } from './classification.rules.js';
import { replanIfPlanned } from '../care/care.generate.js';

/** Facts from matters and fees only (the hourly rate comes with the client row). */
export type Activity = Omit<ClientFacts, 'hourlyRateFen'>;

const NO_ACTIVITY: Activity = {
  matters: 0,
  openMatters: 0,
  retainersInForce: 0,
  matters36: 0,
  fees12Fen: 0,
  fees36Fen: 0,
  firstEngagedOn: null,
  lastEngagedOn: null,
};

/** Clients read, and written when changed, this many at a time (one transaction each). */
const BATCH = 2000;
/** ids per `in (…)` list */
const ID_CHUNK = 1000;
/** rows per multi-row insert */
const INSERT_CHUNK = 400;
export const LAST_RUN_KEY = 'classification.lastRunAt';

const minDay = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const maxDay = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * K-1/K-2/K-5 inputs per client: one GROUP BY over matters and one over fees, the same SQL on
 * both dialects; restricted to `clientIds` when given.
 */
export async function loadActivity(db: Kysely<Database>, today: string, clientIds?: readonly string[]): Promise<Map<string, Activity>> {
  const { after12, after36 } = windows(today);
  const out = new Map<string, Activity>();
  const parts = clientIds ? chunks(clientIds, ID_CHUNK) : [null];
  for (const ids of parts) {
    const matters = await db
      .selectFrom('matters')
      .select([
        'client_id',
        sql<number>`count(*)`.as('n'),
        sql<number>`sum(case when status <> 'closed' then 1 else 0 end)`.as('open_n'),
        sql<number>`sum(case when retainer_expires_on >= ${today} then 1 else 0 end)`.as('retainers'),
        sql<number>`sum(case when opened_on > ${after36} and opened_on <= ${today} then 1 else 0 end)`.as('n36'),
        sql<string>`min(opened_on)`.as('first_on'),
        sql<string>`max(opened_on)`.as('last_on'),
      ])
      .$if(ids !== null, (q) => q.where('client_id', 'in', ids!))
      .groupBy('client_id')
      .execute();
    for (const m of matters) {
      out.set(m.client_id, {
        ...NO_ACTIVITY,
        matters: Number(m.n),
        openMatters: Number(m.open_n),
        retainersInForce: Number(m.retainers),
        matters36: Number(m.n36),
        firstEngagedOn: m.first_on,
        lastEngagedOn: m.last_on,
      });
    }
    const fees = await db
      .selectFrom('fees')
      .select([
        'client_id',
        sql<number>`sum(case when received_on > ${after12} and received_on <= ${today} then amount_fen else 0 end)`.as('f12'),
        sql<number>`sum(case when received_on > ${after36} and received_on <= ${today} then amount_fen else 0 end)`.as('f36'),
        sql<string>`min(received_on)`.as('first_on'),
        sql<string>`max(received_on)`.as('last_on'),
      ])
      .$if(ids !== null, (q) => q.where('client_id', 'in', ids!))
      .groupBy('client_id')
      .execute();
    for (const f of fees) {
      const a = out.get(f.client_id) ?? { ...NO_ACTIVITY };
      a.fees12Fen = Number(f.f12);
      a.fees36Fen = Number(f.f36);
      a.firstEngagedOn = minDay(a.firstEngagedOn, f.first_on);
      a.lastEngagedOn = maxDay(a.lastEngagedOn, f.last_on);
      out.set(f.client_id, a);
    }
  }
  return out;
}

type Stored = Pick<
  ClientsTable,
  'id' | 'hourly_rate_fen' | 'grade' | 'grade_manual' | 'tier' | 'tier_manual' | 'status' | 'status_manual' | 'quadrant' | 'r_score' | 'f_score' | 'm_score' | 'classified_at'
>;
const STORED_COLUMNS = [
  'id', 'hourly_rate_fen', 'grade', 'grade_manual', 'tier', 'tier_manual', 'status', 'status_manual', 'quadrant', 'r_score', 'f_score', 'm_score', 'classified_at',
] as const;

type Next = Pick<ClientsTable, 'id' | 'grade' | 'tier' | 'status' | 'quadrant'> & { r: number; f: number; m: number };

/** One transaction: the changed clients' new values, their change rows and timeline events. */
async function writeBatch(db: Kysely<Database>, at: string, rows: Next[], changes: ClassificationChangesTable[]) {
  // inside the caller's transaction when given one (a matter or fee write), else its own
  const inTransaction = (fn: (trx: Kysely<Database>) => Promise<void>) => (db.isTransaction ? fn(db) : db.transaction().execute(fn));
  await inTransaction(async (trx) => {
    for (const part of chunks(rows, INSERT_CHUNK)) {
      const values = sql.join(
        part.map(
          (r) => sql`(${r.id}, ${r.grade}, ${r.tier}, ${r.status}, ${r.quadrant}, cast(${r.r} as integer), cast(${r.f} as integer), cast(${r.m} as integer))`,
        ),
      );
      // UPDATE … FROM a VALUES list: one statement per few hundred clients on both dialects
      await sql`with v(id, grade, tier, status, quadrant, r, f, m) as (values ${values})
        update clients set grade = v.grade, tier = v.tier, status = v.status, quadrant = v.quadrant,
          r_score = v.r, f_score = v.f, m_score = v.m, classified_at = ${at}
        from v where clients.id = v.id`.execute(trx);
    }
    for (const part of chunks(changes, INSERT_CHUNK)) {
      await trx.insertInto('classification_changes').values(part).execute();
      const events = part
        .filter((c) => c.field !== 'quadrant')
        .map((c) => ({
          id: c.id,
          client_id: c.client_id,
          at: c.at,
          kind: 'classification_changed',
          actor_id: null,
          data: JSON.stringify({ field: c.field, from: c.old, to: c.new, cause: 'rule', rule: c.rule }),
        }));
      if (events.length) await trx.insertInto('timeline_events').values(events).execute();
    }
  });
}

/**
 * K-1..K-6 for the given clients (all when none are given): derive, keep manual overrides, and
 * write only what changed, with a change row and a timeline event for each changed grade, tier
 * or status. A client's first classification does not report its tier or quadrant as changes.
 */
export async function recomputeClients(
  deps: { db: Kysely<Database>; clock: Clock; timeZone: string },
  clientIds?: readonly string[],
): Promise<{ clients: number; changed: number }> {
  const { db, clock } = deps;
  const now = clock.now();
  const at = now.toISOString();
  const today = firmDay(now, deps.timeZone);
  const settings = await getSettings(db);
  const activity = await loadActivity(db, today, clientIds);
  let scorers = scorersFor(settings, today);
  if (settings.rfmMode === 'quintile') {
    // scores are ranks among the whole firm's clients, whatever subset is recomputed
    const firm = clientIds ? await loadActivity(db, today) : activity;
    scorers = scorersFor(settings, today, firm.values() as Iterable<ClientFacts>);
  }

  let clients = 0;
  let changed = 0;
  // P-4: clients whose grade, tier or status changed get their plan re-made afterwards
  const replanned: string[] = [];
  const step = async (rows: Stored[]) => {
    clients += rows.length;
    const next: Next[] = [];
    const changes: ClassificationChangesTable[] = [];
    for (const c of rows) {
      const d = classify({ ...(activity.get(c.id) ?? NO_ACTIVITY), hourlyRateFen: c.hourly_rate_fen }, settings, today, scorers);
      const n: Next = {
        id: c.id,
        grade: c.grade_manual === 1 ? c.grade : d.grade,
        tier: c.tier_manual === 1 && c.tier ? c.tier : d.tier,
        status: effectiveStatus(c, d.status),
        quadrant: d.quadrant,
        r: d.rfm.r,
        f: d.rfm.f,
        m: d.rfm.m,
      };
      const first = c.classified_at === null;
      if (!first && n.grade === c.grade && n.tier === c.tier && n.status === c.status && n.quadrant === c.quadrant && n.r === c.r_score && n.f === c.f_score && n.m === c.m_score) {
        continue;
      }
      next.push(n);
      if (n.grade !== c.grade || n.tier !== c.tier || n.status !== c.status) replanned.push(c.id);
      const log = (field: ClassificationChangesTable['field'], from: string | null, to: string | null, rule: string) => {
        if (from === to || (first && (field === 'tier' || field === 'quadrant'))) return;
        changes.push({ id: newId(now.getTime()), client_id: c.id, field, old: from, new: to, cause: 'rule', rule, reason: null, actor_id: null, at });
      };
      log('grade', c.grade, n.grade, d.rules.grade);
      log('tier', c.tier, n.tier, d.rules.tier);
      log('status', c.status, n.status, d.rules.status);
      log('quadrant', c.quadrant, n.quadrant, 'fm');
    }
    changed += next.length;
    if (next.length) await writeBatch(db, at, next, changes);
  };

  if (clientIds) {
    for (const ids of chunks([...new Set(clientIds)], BATCH)) {
      await step(await db.selectFrom('clients').select(STORED_COLUMNS).where('id', 'in', ids).execute());
    }
  } else {
    let after: string | null = null;
    for (;;) {
      const rows: Stored[] = await db
        .selectFrom('clients')
        .select(STORED_COLUMNS)
        .$if(after !== null, (q) => q.where('id', '>', after!))
        .orderBy('id')
        .limit(BATCH)
        .execute();
      if (!rows.length) break;
      await step(rows);
      after = rows[rows.length - 1]!.id;
    }
    await db
      .insertInto('meta')
      .values({ key: LAST_RUN_KEY, value: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: at }))
      .execute();
  }
  // inside a caller's transaction (one client's matter or fee write) the caller's commit comes first
  if (!db.isTransaction) await replanIfPlanned({ db, clock, timeZone: deps.timeZone }, replanned);
  return { clients, changed };
}

/** Reclassifies every client (or the given ones); the signature the bench and demo seeding call. */
export async function recomputeAll(
  deps: { db: Db; clock: Clock; config: Config },
  opts?: { clientIds?: string[] },
): Promise<{ clients: number; changed: number }> {
  return recomputeClients({ db: deps.db, clock: deps.clock, timeZone: deps.config.firmTimeZone }, opts?.clientIds);
}
