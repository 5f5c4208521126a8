import type { Matter } from '@retainer/shared';
import { expect } from 'vitest';
import type { TestApp } from '../../test/harness.js';
import { clientFirm, send } from '../clients/clients-fixture.js';

type Who = { headers: Record<string, string> };

/** The client firm of clients-fixture, plus a helper that opens a matter for its client. */
export async function matterFirm(t: TestApp) {
  const f = await clientFirm(t);
  const open = async (who: Who, body: Record<string, unknown> = {}) => {
    const res = await send(t, 'POST', '/api/v1/matters', who, {
      clientId: f.client.id,
      type: 'litigation',
      title: '云帆诉星河买卖合同纠纷',
      openedOn: '2026-01-10',
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Matter;
  };
  return { ...f, open };
}

/** Moves a matter along the flow, asserting each step succeeds. */
export async function moveTo(t: TestApp, who: Who, id: string, steps: { to: string; at?: string; outcome?: string }[]) {
  let last: Matter | null = null;
  for (const step of steps) {
    // a second apart, so timeline and audit rows have a clear order under the fixed clock
    t.clock.advance(1000);
    const res = await send(t, 'POST', `/api/v1/matters/${id}/transition`, who, step);
    expect(res.statusCode, res.body).toBe(200);
    last = res.json() as Matter;
  }
  return last!;
}

/** Signs `who` in again: moving the clock hours ahead ends idle sessions. */
export async function signInAgain(t: TestApp, who: { user: { email: string }; headers: Record<string, string> }) {
  const s = await t.login(who.user.email);
  who.headers.cookie = s.cookie;
  who.headers['x-csrf-token'] = s.csrf;
}
