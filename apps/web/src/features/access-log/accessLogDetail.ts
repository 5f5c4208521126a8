import { UNMASKABLE, type AccessLogListEntry } from '@retainer/shared';
import type { TFunction } from 'i18next';

const isField = (f: string): f is (typeof UNMASKABLE)[number] => (UNMASKABLE as readonly string[]).includes(f);

/** An entry's detail in words: which masked fields were shown, or what an export held. */
export function accessLogDetail(t: TFunction, e: Pick<AccessLogListEntry, 'action' | 'detail'>): string | null {
  if (!e.detail) return null;
  if (e.action === 'unmask') {
    // "phone,uscc" for a client, "contact:<id>:phone,email" for one of its contacts
    const contact = e.detail.startsWith('contact:');
    const list = contact ? e.detail.split(':').slice(2).join(':') : e.detail;
    const fields = list
      .split(',')
      .filter(Boolean)
      .map((f) => (isField(f) ? t(`accessLogPage.fields.${f}`) : f))
      .join(t('accessLogPage.separator'));
    return contact ? t('accessLogPage.contactUnmasked', { fields }) : t('accessLogPage.unmasked', { fields });
  }
  if (e.action === 'export') {
    try {
      const d = JSON.parse(e.detail) as { rows?: unknown; format?: unknown };
      if (typeof d.rows === 'number' && typeof d.format === 'string') {
        return t('accessLogPage.exported', { rows: d.rows.toLocaleString(), format: d.format.toUpperCase() });
      }
    } catch {
      // an older free-text detail: shown as it is
    }
  }
  return e.detail;
}
