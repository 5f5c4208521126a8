import { describe, expect, it } from 'vitest';
import { newId } from './ids.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('is UUIDv7-shaped', () => {
    for (let i = 0; i < 200; i++) expect(newId()).toMatch(UUID_V7);
    // Version and variant bits are forced whatever the random bytes are.
    expect(newId(0, Buffer.alloc(10, 0xff))).toMatch(UUID_V7);
    expect(newId(0, Buffer.alloc(10, 0x00))).toMatch(UUID_V7);
  });

  it('carries its creation time in the first 48 bits', () => {
    const at = Date.parse('2026-11-25T02:00:00.123Z');
    const id = newId(at);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts by creation time, whatever the random part', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const ids = Array.from({ length: 100 }, (_, i) => newId(start + i * 37));
    expect([...ids].sort()).toEqual(ids);
    // A later millisecond beats the largest random part of an earlier one.
    expect(newId(start + 1, Buffer.alloc(10, 0)) > newId(start, Buffer.alloc(10, 0xff))).toBe(true);
  });

  it('differs between calls in the same millisecond', () => {
    const at = Date.now();
    const ids = new Set(Array.from({ length: 1000 }, () => newId(at)));
    expect(ids.size).toBe(1000);
  });
});
