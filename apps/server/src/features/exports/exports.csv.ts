import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Excel reads a UTF-8 CSV as such only with the byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * One CSV line (RFC 4180, CRLF). Text that Excel would run as a formula (=, @, or + and - not
 * followed by a plain number) is prefixed with an apostrophe: CSV injection.
 */
export function csvLine(values: (string | number | null | undefined)[]): string {
  return (
    values
      .map((v) => {
        if (v === null || v === undefined) return '';
        let s = String(v);
        if (typeof v === 'string' && (/^[=@\t\r]/.test(s) || (/^[+-]/.test(s) && !/^[+-][\d\s().-]*$/.test(s)))) s = `'${s}`;
        return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(',') + '\r\n'
  );
}

/** Writes one chunk, waiting when the stream asks to (memory stays flat on big files). */
export async function writeChunk(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
