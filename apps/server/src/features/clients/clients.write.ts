import type { Client, ClientCreate, ClientUpdate, Grade, Settings } from '@retainer/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import type { Clock } from '../../plugins/clock.js';
import type { Actor, Ctx } from '../../plugins/context.js';
import type { Db } from '../../plugins/db.js';
import { Forbidden, ValidationFailed } from '../../plugins/errors.js';
import { newId } from '../../plugins/ids.js';
import { assertCalendarDate } from '../important-dates/calendar-fields.js';
import { notify } from '../notifications/notifications.service.js';
import { getSettings } from '../settings/settings.service.js';
import { addTimelineEvent } from '../timeline/timeline.service.js';
import { readClient } from './clients.service.js';
import { initialsOf, reindexClient } from './clients.search.js';
import type { ClientsTable } from './clients.table.js';
import { mayEdit, visibleClientOr404 } from './clients.visibility.js';

type Deps = { db: Db; clock: Clock };

/** K-1: grade from the agreed hourly rate; without one, C until fees exist (matters issue). */
export function gradeFromRate(hourlyRateFen: number | null | undefined, s: Settings): Grade {
  if (hourlyRateFen == null) return 'C';
  if (hourlyRateFen >= s.gradeHourlyRateAFen) return 'A';
  if (hourlyRateFen >= s.gradeHourlyRateBFen) return 'B';
  return 'C';
}

const actorOf = (ctx: Ctx): Actor => {
  if (!ctx.actor) throw new Forbidden();
  return ctx.actor;
};

async function assertUser(db: Kysely<Database>, field: string, id: string, roles: string[]) {
  const u = await db.selectFrom('users').select(['id', 'role', 'active', 'team_id']).where('id', '=', id).executeTakeFirst();
  if (!u || u.active !== 1 || !roles.includes(u.role)) {
    throw new ValidationFailed([{ field, message: `must be an active user with role ${roles.join(' or ')}` }]);
  }
  return u;
}

/** Column values for the editable fields present in the input (undefined = untouched). */
export function columnsFrom(input: ClientUpdate): Partial<ClientsTable> {
  // C-2: a birthday that cannot exist (lunar leap month absent that year, solar 2023-02-30) is a 400.
  if (input.birthday) assertCalendarDate({ ...input.birthday, leapMonth: input.birthday.leapMonth ?? false }, 'birthday.');
  const out: Partial<ClientsTable> = {};
  const set = <K extends keyof ClientsTable>(k: K, v: ClientsTable[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('name', input.name);
  set('industry', input.industry);
  set('region', input.region);
  set('city', input.city);
  set('address', input.address);
  set('phone', input.phone);
  set('email', input.email);
  set('source', input.source);
  set('referrer_client_id', input.referrerClientId);
  set('referrer_name', input.referrerName);
  set('hourly_rate_fen', input.hourlyRateFen);
  set('potential_needs', input.potentialNeeds);
  set('potential_resources', input.potentialResources);
  set('notes', input.notes);
  set('gender', input.gender);
  set('id_number', input.idNumber);
  set('family_situation', input.familySituation);
  set('income_bracket', input.incomeBracket);
  set('employer', input.employer);
  set('job_title', input.jobTitle);
  set('hobbies', input.hobbies);
  set('wechat', input.wechat);
  set('uscc', input.uscc);
  set('legal_representative', input.legalRepresentative);
  set('registered_capital_fen', input.registeredCapitalFen);
  set('employee_scale', input.employeeScale);
  set('revenue_bracket', input.revenueBracket);
  set('founded_on', input.foundedOn);
  set('customer_groups', input.customerGroups);
  set('business_partners', input.businessPartners);
  set('website', input.website);
  if (input.birthday !== undefined) {
    const b = input.birthday;
    out.birthday_calendar = b?.calendar ?? null;
    out.birthday_year = b?.year ?? null;
    out.birthday_month = b?.month ?? null;
    out.birthday_day = b?.day ?? null;
    out.birthday_leap = b?.leapMonth ? 1 : 0;
  }
  return out;
}

async function setTags(trx: Kysely<Database>, clientId: string, tags: string[]) {
  await trx.deleteFrom('client_tags').where('client_id', '=', clientId).execute();
  const unique = [...new Set(tags)];
  if (unique.length) await trx.insertInto('client_tags').values(unique.map((tag) => ({ client_id: clientId, tag }))).execute();
}

async function assertReferrer(trx: Kysely<Database>, actor: Actor, id: string | null | undefined) {
  if (!id) return;
  try {
    await visibleClientOr404(trx, actor, id);
  } catch {
    throw new ValidationFailed([{ field: 'referrerClientId', message: 'no such client' }]);
  }
}

/** Who owns a new client: lawyers own what they create; others name the owner lawyer. */
async function placement(trx: Kysely<Database>, actor: Actor, input: ClientCreate) {
  const ownerId = input.ownerId ?? (actor.role === 'lawyer' ? actor.id : undefined);
  if (!ownerId) throw new ValidationFailed([{ field: 'ownerId', message: 'choose the owner lawyer' }]);
  if (actor.role === 'lawyer' && ownerId !== actor.id) {
    throw new ValidationFailed([{ field: 'ownerId', message: 'lawyers create clients they own; a partner can transfer them' }]);
  }
  const owner = await assertUser(trx, 'ownerId', ownerId, ['lawyer', 'partner']);
  const managerId = input.managerId ?? (actor.role === 'client_manager' ? actor.id : null);
  if (managerId) await assertUser(trx, 'managerId', managerId, ['client_manager', 'partner']);
  const teamId = input.teamId ?? owner.team_id ?? actor.teamId ?? null;
  if (teamId && !(await trx.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst())) {
    throw new ValidationFailed([{ field: 'teamId', message: 'team does not exist' }]);
  }
  // Assistants work for their own team's clients, so what they create stays there.
  if (actor.role === 'assistant' && teamId !== actor.teamId) {
    throw new ValidationFailed([{ field: 'teamId', message: "assistants create clients in their own team" }]);
  }
  return { ownerId, managerId, teamId };
}

export async function createClient({ db, clock }: Deps, ctx: Ctx, input: ClientCreate): Promise<Client> {
  const actor = actorOf(ctx);
  const settings = await getSettings(db);
  const id = await db.transaction().execute(async (trx) => {
    const { ownerId, managerId, teamId } = await placement(trx, actor, input);
    await assertReferrer(trx, actor, input.referrerClientId);
    const now = clock.now().toISOString();
    const row = {
      ...emptyClient(),
      ...columnsFrom(input),
      id: newId(),
      kind: input.kind,
      name: input.name,
      name_initials: initialsOf(input.name),
      status: 'prospect' as const,
      grade: gradeFromRate(input.hourlyRateFen, settings),
      owner_id: ownerId,
      manager_id: managerId,
      team_id: teamId,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('clients').values(row).execute();
    await setTags(trx, row.id, input.tags ?? []);
    await reindexClient(trx, row.id);
    await recordAudit(trx, ctx, clock, { action: 'create', entity: 'client', entityId: row.id, after: { ...row, tags: input.tags ?? [] } });
    await addTimelineEvent(trx, clock, { clientId: row.id, kind: 'client_created', actorId: actor.id, data: { name: row.name, grade: row.grade } });
    return row.id;
  });
  return readClient(db, actor, id);
}

export function emptyClient(): Omit<ClientsTable, 'id' | 'kind' | 'name' | 'name_initials' | 'status' | 'grade' | 'owner_id' | 'created_at' | 'updated_at'> {
  return {
    search_text: '', status_manual: 0, status_reason: null, grade_manual: 0, grade_reason: null, tier: null, industry: null,
    region: null, city: null, address: null, phone: null, email: null, source: null, referrer_client_id: null,
    referrer_name: null, manager_id: null, team_id: null, hourly_rate_fen: null, potential_needs: null,
    potential_resources: null, notes: null, gender: null, birthday_calendar: null, birthday_year: null, birthday_month: null,
    birthday_day: null, birthday_leap: 0, id_number: null, family_situation: null, income_bracket: null, employer: null,
    job_title: null, hobbies: null, wechat: null, uscc: null, legal_representative: null, registered_capital_fen: null,
    employee_scale: null, revenue_bracket: null, founded_on: null, customer_groups: null, business_partners: null,
    website: null, last_contact_at: null,
    r_score: null, f_score: null, m_score: null, quadrant: null, tier_manual: 0, tier_reason: null, classified_at: null,
  };
}

function diff(before: Selectable<ClientsTable>, wanted: Partial<ClientsTable>): Partial<ClientsTable> {
  return Object.fromEntries(
    Object.entries(wanted).filter(([k, v]) => before[k as keyof ClientsTable] !== v),
  ) as Partial<ClientsTable>;
}

/** Field edits; a new legal representative is a personnel change (C-6) the owner and manager hear about. */
export async function updateClient({ db, clock }: Deps, ctx: Ctx, id: string, input: ClientUpdate): Promise<Client> {
  const actor = actorOf(ctx);
  const settings = await getSettings(db);
  await db.transaction().execute(async (trx) => {
    const before = await visibleClientOr404(trx, actor, id);
    if (!mayEdit(actor)) throw new Forbidden();
    await assertReferrer(trx, actor, input.referrerClientId);
    const wanted = columnsFrom(input);
    if (wanted.hourly_rate_fen !== undefined && before.grade_manual === 0) {
      wanted.grade = gradeFromRate(wanted.hourly_rate_fen, settings);
    }
    const changed = diff(before, wanted);
    const oldTags = (await trx.selectFrom('client_tags').select('tag').where('client_id', '=', id).orderBy('tag').execute()).map((t) => t.tag);
    const tagsChanged = input.tags !== undefined && [...new Set(input.tags)].sort().join('\u0001') !== oldTags.join('\u0001');
    if (!Object.keys(changed).length && !tagsChanged) return;

    const now = clock.now().toISOString();
    await trx.updateTable('clients').set({ ...changed, updated_at: now }).where('id', '=', id).execute();
    if (tagsChanged) await setTags(trx, id, input.tags!);
    if (changed.name !== undefined || tagsChanged) await reindexClient(trx, id);

    const prior: Record<string, unknown> = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof ClientsTable]]));
    const after: Record<string, unknown> = { ...changed };
    if (tagsChanged) {
      prior.tags = oldTags;
      after.tags = input.tags;
    }
    await recordAudit(trx, ctx, clock, { action: 'update', entity: 'client', entityId: id, before: prior, after });
    const fields = Object.keys(after).filter((k) => k !== 'grade');
    if (fields.length) await addTimelineEvent(trx, clock, { clientId: id, kind: 'client_updated', actorId: actor.id, data: { fields } });
    if (changed.grade) {
      await addTimelineEvent(trx, clock, {
        clientId: id,
        kind: 'grade_changed',
        actorId: actor.id,
        data: { from: before.grade, to: changed.grade, cause: 'rule:hourly_rate' },
      });
    }
    if (changed.legal_representative !== undefined) {
      await trx
        .insertInto('personnel_changes')
        .values({
          id: newId(),
          client_id: id,
          contact_id: null,
          field: 'legal_representative',
          old_value: before.legal_representative,
          new_value: changed.legal_representative,
          changed_by: actor.id,
          changed_at: now,
        })
        .execute();
      await addTimelineEvent(trx, clock, {
        clientId: id,
        kind: 'personnel_changed',
        actorId: actor.id,
        data: { field: 'legal_representative', from: before.legal_representative, to: changed.legal_representative },
      });
      await notify(trx, clock, [before.owner_id, before.manager_id].filter((u) => u !== actor.id), {
        kind: 'personnel_change',
        data: { clientId: id, clientName: before.name, field: 'legal_representative', from: before.legal_representative, to: changed.legal_representative },
        link: `/clients/${id}`,
      });
    }
  });
  return readClient(db, actor, id);
}
