import type { ClientStatus, Grade, Programme, ProgrammeRule, ProgrammeUpdate, Tier } from '@retainer/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import type { Clock } from '../../plugins/clock.js';
import type { Ctx } from '../../plugins/context.js';
import { Forbidden, ValidationFailed } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import type { ProgrammeRulesTable } from './care.table.js';
import type { PlanRule } from './care.plan.js';

type Db = Kysely<Database>;
type RuleRow = Selectable<ProgrammeRulesTable>;

const list = <T extends string>(text: string | null): T[] | null => (text ? (text.split(',') as T[]) : null);

function toRule(r: RuleRow): ProgrammeRule {
  return {
    id: r.id,
    grade: r.grade,
    tiers: list<Tier>(r.tiers),
    kind: r.kind,
    perYear: Number(r.per_year),
    role: r.role,
    channel: r.channel,
    guidance: r.guidance,
    leadDays: Number(r.lead_days),
    statuses: list<ClientStatus>(r.statuses) ?? [],
    active: r.active === 1,
    position: Number(r.position),
    updatedAt: r.updated_at,
  };
}

/** The rules generation follows: every grade's active ones. */
export async function loadRules(db: Db): Promise<PlanRule[]> {
  const rows = await db.selectFrom('programme_rules').selectAll().where('active', '=', 1).orderBy('grade').orderBy('position').execute();
  return rows.map((r) => {
    const rule = toRule(r);
    return { ...rule, tiers: rule.tiers };
  });
}

/** P-1: a grade's programme, its active rules first in their order. */
export async function getProgramme(db: Db, grade: Grade): Promise<Programme> {
  const rows = await db.selectFrom('programme_rules').selectAll().where('grade', '=', grade).where('active', '=', 1).orderBy('position').execute();
  return { grade, rules: rows.map(toRule) };
}

export async function listProgrammes(db: Db): Promise<Programme[]> {
  return Promise.all((['A', 'B', 'C'] as const).map((g) => getProgramme(db, g)));
}

/**
 * P-1: admins replace a grade's rules. A rule sent with its id is changed in place; one left out
 * is retired (kept, inactive, so past touchpoints still name it). Generation applies the rules to
 * touchpoints not yet due (the daily run or POST /touchpoints/generate); what happened stays.
 */
export async function replaceProgramme(deps: { db: Db; clock: Clock }, ctx: Ctx, grade: Grade, body: ProgrammeUpdate): Promise<Programme> {
  if (!ctx.actor) throw new Forbidden();
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('programme_rules').selectAll().where('grade', '=', grade).execute();
    const known = new Map(before.map((r) => [r.id, r]));
    const kept = new Set<string>();
    for (const [i, r] of body.rules.entries()) {
      if (r.id !== undefined && !known.has(r.id)) {
        throw new ValidationFailed([{ field: `rules.${i}.id`, message: 'not_a_rule_of_this_grade' }]);
      }
    }
    for (const [i, r] of body.rules.entries()) {
      const values = {
        tiers: r.tiers ? [...new Set(r.tiers)].join(',') : null,
        kind: r.kind,
        per_year: r.perYear,
        role: r.role,
        channel: r.channel,
        guidance: r.guidance,
        lead_days: r.leadDays,
        statuses: [...new Set(r.statuses)].join(','),
        active: r.active ? 1 : 0,
        position: i + 1,
        updated_at: now,
        updated_by: ctx.actor!.id,
      };
      if (r.id) {
        kept.add(r.id);
        await trx.updateTable('programme_rules').set(values).where('id', '=', r.id).execute();
      } else {
        await trx.insertInto('programme_rules').values({ id: newId(deps.clock.now().getTime()), grade, ...values }).execute();
      }
    }
    const retired = before.filter((r) => !kept.has(r.id) && r.active === 1).map((r) => r.id);
    if (retired.length) {
      await trx.updateTable('programme_rules').set({ active: 0, updated_at: now, updated_by: ctx.actor!.id }).where('id', 'in', retired).execute();
    }
    await recordAudit(trx, ctx, deps.clock, {
      action: 'update',
      entity: 'programme',
      entityId: grade,
      before: { rules: before.filter((r) => r.active === 1).map(toRule) },
      after: { rules: body.rules },
    });
  });
  return getProgramme(deps.db, grade);
}
