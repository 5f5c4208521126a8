import { columnsOf } from './columns.js';

/** Small key/value state of the installation (demo seeded, last backup, …). */
export interface MetaTable {
  key: string;
  value: string;
}

export const metaColumns = columnsOf<MetaTable>()('key', 'value');
