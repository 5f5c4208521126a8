// Chinese identifiers validated by their check characters (C-2, C-3).

/** Full-width digits and letters (０-９, Ａ-Ｚ) to ASCII, spaces removed, upper case. */
export function normalizeCode(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643-1999 citizen identity number: 18 characters, a real birth date, mod 11-2 check. */
export function isValidIdNumber(raw: string): boolean {
  const v = normalizeCode(raw);
  if (!/^\d{17}[\dX]$/.test(v)) return false;
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(v[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === v[17];
}

/** The check character of the first 17 characters of an ID number. */
export function idNumberCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

// GB 32100-2015: 31 characters (no I, O, Z, S, V), weights 3^i mod 31.
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a USCC. */
export function usccCheck(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const n = USCC_CHARS.indexOf(first17[i]!);
    if (n < 0) return null;
    sum += n * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

/** GB 32100-2015 unified social credit code: 18 characters with a mod-31 check character. */
export function isValidUscc(raw: string): boolean {
  const v = normalizeCode(raw);
  if (v.length !== 18) return false;
  for (const c of v) if (!USCC_CHARS.includes(c)) return false;
  return usccCheck(v.slice(0, 17)) === v[17];
}
