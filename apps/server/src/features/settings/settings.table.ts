import { columnsOf } from '../../db/columns.js';

/** Firm settings an admin edits; `value` is JSON text validated by the settings schema. */
export interface SettingsTable {
  key: string;
  value: string;
  updated_by: string | null;
  updated_at: string;
}

export const settingsColumns = columnsOf<SettingsTable>()('key', 'value', 'updated_by', 'updated_at');
