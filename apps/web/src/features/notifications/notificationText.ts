import { PERSONNEL_FIELDS, type Notification } from '@retainer/shared';
import type { TFunction } from 'i18next';

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const isPersonnelField = (f: unknown): f is (typeof PERSONNEL_FIELDS)[number] =>
  typeof f === 'string' && (PERSONNEL_FIELDS as readonly string[]).includes(f);

/** P-10: each notification kind in words, from the data the server attached. */
export function notificationText(t: TFunction, n: Notification): string {
  const d = n.data;
  switch (n.kind) {
    case 'leak_alert':
      return t('notifications.kinds.leak_alert', {
        userName: str(d.userName),
        day: str(d.day),
        distinctClients: str(d.distinctClients),
        threshold: str(d.threshold),
      });
    case 'personnel_change': {
      const field = isPersonnelField(d.field) ? t(`personnel.fields.${d.field}`) : str(d.field);
      const change = t('timeline.fromTo', { from: str(d.from) || t('common.empty'), to: str(d.to) || t('common.empty') });
      const detail = `${str(d.contactName) ? `${str(d.contactName)} ` : ''}${field}${t('client.colon')}${change}`;
      return t('notifications.kinds.personnel_change', { clientName: str(d.clientName), detail });
    }
    case 'export_approval':
      return t('notifications.kinds.export_approval', { userName: str(d.userName), rowCount: str(d.rowCount) });
    case 'export_decided':
      return d.approved === true
        ? t('notifications.kinds.export_approved', { approverName: str(d.approverName) })
        : t('notifications.kinds.export_rejected', { approverName: str(d.approverName) });
    case 'touchpoints_overdue':
      return t('notifications.kinds.touchpoints_overdue', { count: Number(d.count) || 0 });
    case 'touchpoints_escalated':
      return t('notifications.kinds.touchpoints_escalated', { count: Number(d.count) || 0, days: str(d.days) });
    case 'client_transferred':
      return t('notifications.kinds.client_transferred', { clientName: str(d.clientName) });
    default:
      return typeof d.message === 'string' ? d.message : t('notifications.kinds.generic');
  }
}

/** The server names some places by their API path; send people to the page that shows them. */
export function notificationPath(link: string | null): string | null {
  if (!link?.startsWith('/')) return null;
  if (link.startsWith('/exports')) return link.includes('pending=true') ? '/clients/exports?tab=pending' : '/clients/exports';
  return link;
}
