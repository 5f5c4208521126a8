import type { Client } from '@retainer/shared';
import { expect } from 'vitest';
import type { TestApp } from '../../test/harness.js';

/** A small firm: two teams, people in every role, one client owned by lawyer A with manager M. */
export async function clientFirm(t: TestApp) {
  const teamA = await t.factory.team('诉讼部');
  const teamB = await t.factory.team('公司商事部');
  const admin = await t.as('admin');
  const partner = await t.as('partner', { teamId: teamA.id });
  const lawyerA = await t.as('lawyer', { teamId: teamA.id });
  const lawyerA2 = await t.as('lawyer', { teamId: teamA.id });
  const lawyerB = await t.as('lawyer', { teamId: teamB.id });
  const manager = await t.as('client_manager', { teamId: teamA.id });
  const otherManager = await t.as('client_manager', { teamId: teamA.id });
  const assistantA = await t.as('assistant', { teamId: teamA.id });
  const assistantB = await t.as('assistant', { teamId: teamB.id });
  const secretary = await t.as('secretary', { teamId: teamA.id });

  const create = async (who: { headers: Record<string, string> }, body: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/clients', headers: who.headers, payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Client;
  };
  const client = await create(lawyerA, {
    kind: 'organisation',
    name: '杭州云帆科技有限公司',
    uscc: '91350100M000100Y43',
    phone: '13912345678',
    email: 'legal@yunfan.cn',
    hourlyRateFen: 350_000,
    tags: ['VIP', '高新技术'],
    legalRepresentative: '张三',
    managerId: manager.user.id,
  });
  return { teamA, teamB, admin, partner, lawyerA, lawyerA2, lawyerB, manager, otherManager, assistantA, assistantB, secretary, client, create };
}

export function get(t: TestApp, url: string, who: { headers: Record<string, string> }) {
  return t.app.inject({ method: 'GET', url, headers: who.headers });
}

export function send(t: TestApp, method: 'POST' | 'PATCH' | 'DELETE', url: string, who: { headers: Record<string, string> }, payload?: unknown) {
  return t.app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}
