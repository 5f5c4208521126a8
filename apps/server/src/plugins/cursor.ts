import { AppError } from './errors.js';

/** Opaque keyset cursor: the last row's sort values, base64url-encoded. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === arity && v.every((x) => typeof x === 'string' || typeof x === 'number')) {
      return v as (string | number)[];
    }
  } catch {
    // fall through
  }
  throw new AppError('validation_failed', 400, undefined, [{ field: 'cursor', message: 'invalid cursor' }]);
}

/** Takes limit+1 rows, returns the page and the next cursor. */
export function page<T>(rows: T[], limit: number, key: (row: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}
