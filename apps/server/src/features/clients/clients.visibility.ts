import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../../plugins/context.js';
import { NotFound } from '../../plugins/errors.js';
import type { ClientsTable } from './clients.table.js';

type ClientsEb = ExpressionBuilder<Database & { c: ClientsTable }, 'clients' | 'c'>;

/**
 * X-1, enforced in every query that reads clients. `ref` is the table or alias holding the client.
 * admin and partner: all; lawyer: owned, own team's (and, once matters exist, those of matters they
 * are a member of); client manager: managed; assistant: own team's; secretary: active clients.
 */
export function visibleTo(actor: Actor, ref: 'clients' | 'c' = 'clients') {
  return (eb: ClientsEb) => {
    const col = <C extends keyof ClientsTable & string>(c: C) => `${ref}.${c}` as `clients.${C}`;
    switch (actor.role) {
      case 'admin':
      case 'partner':
        return eb.lit(true);
      case 'lawyer':
        return actor.teamId
          ? eb.or([eb(col('owner_id'), '=', actor.id), eb(col('team_id'), '=', actor.teamId)])
          : eb(col('owner_id'), '=', actor.id);
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
    .where(visibleTo(actor) as never)
    .executeTakeFirst();
  if (!row) throw new NotFound();
  return row;
}
