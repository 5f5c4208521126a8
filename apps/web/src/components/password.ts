// Unambiguous characters only (no 0/O, 1/l/I) so a password read aloud or copied by hand survives.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '!@#$%^&*-_=+?';

function pick(set: string, random: number): string {
  return set.charAt(random % set.length);
}

/** A strong random password with every character class, from the Web Crypto RNG. */
export function generatePassword(length = 16): string {
  const random = new Uint32Array(length + length);
  crypto.getRandomValues(random);
  const all = LOWER + UPPER + DIGITS + SYMBOLS;
  const chars = [LOWER, UPPER, DIGITS, SYMBOLS].map((set, i) => pick(set, random[i] ?? 0));
  for (let i = chars.length; i < length; i++) chars.push(pick(all, random[i] ?? 0));
  // Fisher–Yates with the second half of the random values
  for (let i = chars.length - 1; i > 0; i--) {
    const j = (random[length + i] ?? 0) % (i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
