import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, page } from './cursor.js';
import { AppError } from './errors.js';

function decodeError(cursor: string, arity: number): AppError {
  try {
    decodeCursor(cursor, arity);
  } catch (e) {
    return e as AppError;
  }
  throw new Error(`decodeCursor accepted ${cursor}`);
}

describe('cursor', () => {
  it('round-trips the sort values of the last row', () => {
    const values = ['2026-11-25T02:00:00.000Z', '0199b6a0-7e4c-7000-8000-000000000001', 42];
    const cursor = encodeCursor(values);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 3)).toEqual(values);
  });

  it('round-trips text outside ASCII', () => {
    expect(decodeCursor(encodeCursor(['诉讼部', '']), 2)).toEqual(['诉讼部', '']);
  });

  it('treats a missing cursor as the first page', () => {
    expect(decodeCursor(undefined, 1)).toBeNull();
    expect(decodeCursor('', 1)).toBeNull();
  });

  it.each([
    ['garbage', 'zzz'],
    ['not JSON', Buffer.from('{nope').toString('base64url')],
    ['not an array', Buffer.from('{"a":1}').toString('base64url')],
    ['wrong arity', encodeCursor(['a', 'b'])],
    ['wrong element type', Buffer.from('[{"x":1}]').toString('base64url')],
  ])('rejects a %s cursor with a 400 naming the cursor field', (_label, cursor) => {
    const err = decodeError(cursor, 1);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(400);
    expect(err.code).toBe('validation_failed');
    expect(err.details).toEqual([{ field: 'cursor', message: expect.any(String) }]);
  });

  it('pages: a next cursor only when there is a further row', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const more = page(rows, 2, (r) => [r.id]);
    expect(more.items).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(decodeCursor(more.nextCursor!, 1)).toEqual(['b']);

    const last = page(rows.slice(0, 2), 2, (r) => [r.id]);
    expect(last.items).toHaveLength(2);
    expect(last.nextCursor).toBeNull();
    expect(page([], 2, (r: { id: string }) => [r.id])).toEqual({ items: [], nextCursor: null });
  });
});
