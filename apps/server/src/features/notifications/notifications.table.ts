import { columnsOf } from '../../db/columns.js';

/** P-10 in-app notifications (personnel changes, leak alerts, export approvals, …). */
export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  /** JSON text: what the notification is about, rendered by the web app per kind */
  data: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export const notificationsColumns = columnsOf<NotificationsTable>()('id', 'user_id', 'kind', 'data', 'link', 'created_at', 'read_at');
