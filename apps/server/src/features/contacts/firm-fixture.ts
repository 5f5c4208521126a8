import type { Client } from '@retainer/shared';
import { expect } from 'vitest';
import type { TestApp } from '../../test/harness.js';

export type Who = { user: { id: string; name: string }; headers: Record<string, string> };

/**
 * A small firm for the client sub-resource tests: teams A and B, people in every role, and
 * client X owned by lawyer A (team A) with client manager M.
 */
export async function firm(t: TestApp) {
  const teamA = await t.factory.team('诉讼部');
  const teamB = await t.factory.team('公司商事部');
  const admin = await t.as('admin');
  const lawyerA = await t.as('lawyer', { teamId: teamA.id });
  const lawyerA2 = await t.as('lawyer', { teamId: teamA.id });
  const lawyerB = await t.as('lawyer', { teamId: teamB.id });
  const manager = await t.as('client_manager', { teamId: teamA.id });
  const assistantA = await t.as('assistant', { teamId: teamA.id });
  const assistantB = await t.as('assistant', { teamId: teamB.id });
  const secretary = await t.as('secretary', { teamId: teamA.id });

  const call = (who: Who, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as object }) });

  const createClient = async (who: Who, body: Record<string, unknown>) => {
    const res = await call(who, 'POST', '/clients', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Client;
  };
  const client = await createClient(lawyerA, {
    kind: 'organisation',
    name: '杭州云帆科技有限公司',
    phone: '13912345678',
    managerId: manager.user.id,
  });

  /** Secretaries see active clients only; status is derived from matters, so set it directly. */
  const activate = (clientId: string) => t.db.updateTable('clients').set({ status: 'active' }).where('id', '=', clientId).execute();

  return { teamA, teamB, admin, lawyerA, lawyerA2, lawyerB, manager, assistantA, assistantB, secretary, client, call, createClient, activate };
}

/** Audit actions written for one entity, sorted (the test clock stands still, so times tie). */
export async function trail(t: TestApp, entity: string, entityId: string) {
  const rows = await t.db.selectFrom('audit_events').select('action').where('entity', '=', entity).where('entity_id', '=', entityId).execute();
  return rows.map((r) => r.action).sort();
}

/** Timeline kinds written for one client, sorted. */
export async function timelineKinds(t: TestApp, clientId: string) {
  const rows = await t.db.selectFrom('timeline_events').select(['kind', 'id']).where('client_id', '=', clientId).execute();
  return rows.map((r) => r.kind).sort();
}
