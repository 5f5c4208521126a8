import path from 'node:path';

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

/**
 * RFC 6266: an ASCII fallback name for old clients and the real (Chinese) name in filename*,
 * which every current browser prefers.
 */
export function attachment(fileName: string): string {
  const ext = path.extname(fileName).replace(/[^\w.]/g, '');
  const base = path.basename(fileName, path.extname(fileName)).replace(/[^\w.-]/g, '').replace(/^[.-]+/, '') || 'download';
  // RFC 5987 leaves ' ( ) * out of the characters allowed unencoded.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${base}${ext}"; filename*=UTF-8''${encoded}`;
}
