import { columnsOf } from '../../db/columns.js';

export interface SavedViewsTable {
  id: string;
  user_id: string;
  scope: string;
  name: string;
  /** JSON text of the list query */
  query: string;
  created_at: string;
  updated_at: string;
}

export const savedViewsColumns = columnsOf<SavedViewsTable>()('id', 'user_id', 'scope', 'name', 'query', 'created_at', 'updated_at');
