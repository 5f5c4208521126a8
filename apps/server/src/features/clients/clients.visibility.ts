import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../plugins/context.js';
import { NotFound } from '../../plugins/errors.js';
import type { ClientsTable } from './clients.table.js';

type ClientsEb = ExpressionBuilder<Database & { c: ClientsTable }, 'clients' | 'c'>;

/**
 * X-1, enforced in every query that reads clients. `ref` is the table or alias holding the client.
 * admin and partner: all; lawyer: owned, own team's and those of matters they are a member of;
 * client manager: managed; assistant: own team's; secretary: active clients.
 */
export function visibleTo(actor: Actor, ref: 'clients' | 'c' = 'clients', reach: 'rows' | 'one' = 'rows') {
  return (eb: ClientsEb) => {
    const col = <C extends keyof ClientsTable & string>(c: C) => `${ref}.${c}` as `clients.${C}`;
    switch (actor.role) {
      case 'admin':
      case 'partner':
        return eb.lit(true);
      case 'lawyer': {
        // a member of one of the client's matters (the lead lawyer is always a member).
        // Uncorrelated, so SQLite still serves the OR from the owner, team and primary-key indexes.
        // When the request already knows those clients (memberClientIds), they are a list of ids:
        // PostgreSQL then serves the whole OR from indexes (a subquery in an OR makes it scan the table).
        // For one client ('one': a point read) without that list, a correlated EXISTS reads two index
        // entries instead of every matter of the lawyer.
        const known = actor.memberClientIds;
        const member = known
          ? known.length
            ? [eb(col('id'), 'in', [...known])]
            : []
          : reach === 'one'
            ? [
                eb.exists(
                  eb
                    .selectFrom('matters as m')
                    .innerJoin('matter_members as mm', 'mm.matter_id', 'm.id')
                    .select('m.id')
                    .whereRef('m.client_id', '=', col('id'))
                    .where('mm.user_id', '=', actor.id),
                ),
              ]
            : [
                eb(
                  col('id'),
                  'in',
                  eb.selectFrom('matter_members as mm').innerJoin('matters as m', 'm.id', 'mm.matter_id').select('m.client_id').where('mm.user_id', '=', actor.id),
                ),
              ];
        const own = eb(col('owner_id'), '=', actor.id);
        return eb.or(actor.teamId ? [own, eb(col('team_id'), '=', actor.teamId), ...member] : [own, ...member]);
      }
      case 'client_manager':
        return eb(col('manager_id'), '=', actor.id);
      case 'assistant':
        return actor.teamId ? eb(col('team_id'), '=', actor.teamId) : eb.lit(false);
      case 'secretary':
        return eb(col('status'), '=', 'active');
    }
  };
}

/** Roles whose visible clients are a small share of the firm's (their own, their team's or managed ones). */
export function seesNarrowly(actor: Actor): boolean {
  return actor.role === 'lawyer' || actor.role === 'client_manager' || actor.role === 'assistant';
}

/** these see phone, email, ID number and USCC in clear. */
export function seesUnmasked(actor: Actor, client: Pick<ClientsTable, 'owner_id' | 'manager_id'>): boolean {
  return actor.role === 'admin' || actor.role === 'partner' || client.owner_id === actor.id || client.manager_id === actor.id;
}

/** secretaries see contact and survey fields, not fees or matters. */
export function seesFees(actor: Actor): boolean {
  return actor.role !== 'secretary';
}

/** Who may change a visible client's record (secretaries only read it). */
export function mayEdit(actor: Actor): boolean {
  return actor.role !== 'secretary';
}

/** The client row if the actor may see it; otherwise 404, never 403, so nothing leaks. */
export async function visibleClientOr404(db: Kysely<Database>, actor: Actor, id: string): Promise<ClientsTable> {
  const row = await db
    .selectFrom('clients')
    .selectAll()
    .where('clients.id', '=', id)
    .where(visibleTo(actor, 'clients', 'one') as never)
    .executeTakeFirst();
  if (!row) throw new NotFound();
  return row;
}

/** Beyond this many, a lawyer's matter clients stay a subquery rather than a list of ids. */
const MEMBER_LIST_MAX = 500;

/**
 * The clients of the matters a lawyer is a member of, read once per request so that `visibleTo`
 * can name them (undefined when there are too many: visibleTo then asks the database itself).
 */
export async function memberClientIds(db: Kysely<Database>, actor: Pick<Actor, 'id' | 'role'>): Promise<string[] | undefined> {
  if (actor.role !== 'lawyer') return undefined;
  const rows = await db
    .selectFrom('matter_members as mm')
    .innerJoin('matters as m', 'm.id', 'mm.matter_id')
    .select('m.client_id')
    .distinct()
    .where('mm.user_id', '=', actor.id)
    .limit(MEMBER_LIST_MAX + 1)
    .execute();
  return rows.length > MEMBER_LIST_MAX ? undefined : rows.map((r) => r.client_id);
}
