import { columnsOf } from '../../db/columns.js';

export interface TeamsTable {
  id: string;
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export const teamsColumns = columnsOf<TeamsTable>()('id', 'name', 'description', 'created_at', 'updated_at');
