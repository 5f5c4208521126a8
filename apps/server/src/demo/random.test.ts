import { describe, expect, it } from 'vitest';
import { Rng } from './random.js';

describe('demo Rng ids', () => {
  it('two owners sharing a seed draw the same numbers but never the same ids', () => {
    const a = Rng.forOwner(42, 'client-a');
    const b = Rng.forOwner(42, 'client-b');
    const at = Date.parse('2026-01-05T02:00:00Z');
    const idsA = [a.id(at), a.id(at)];
    const idsB = [b.id(at), b.id(at)];
    expect(idsA.some((id) => idsB.includes(id))).toBe(false);
    expect(a.next()).toBe(b.next());
  });

  it('the same owner and seed give the same UUID v7-shaped ids', () => {
    const at = Date.parse('2026-01-05T02:00:00Z');
    const id = Rng.forOwner(7, 'x').id(at);
    expect(Rng.forOwner(7, 'x').id(at)).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id.slice(0, 13).replace('-', '')).toBe(at.toString(16).padStart(12, '0'));
  });
});
