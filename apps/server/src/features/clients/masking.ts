// masked forms keep enough to recognise a value, never enough to use it.

export function maskPhone(v: string | null): string | null {
  if (!v) return v;
  const digits = v.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function maskEmail(v: string | null): string | null {
  if (!v) return v;
  const [user = '', domain = ''] = v.split('@');
  return `${user.slice(0, 1)}***@${domain}`;
}

/** ID numbers and USCCs: first 4 and last 2 characters. */
export function maskCode(v: string | null): string | null {
  if (!v) return v;
  return v.length <= 6 ? '*'.repeat(v.length) : `${v.slice(0, 4)}${'*'.repeat(v.length - 6)}${v.slice(-2)}`;
}
