/**
 * FNV-1a, 32 bits, unsigned: a stable spread of ids over buckets and days (not for secrets).
 * Pass an earlier result as `from` to continue hashing: fnv1a(b, fnv1a(a)) === fnv1a(a + b).
 */
export function fnv1a(text: string, from = 0x811c9dc5): number {
  let h = from;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
