import { columnsOf } from '../../db/columns.js';

/** C-5: solar or lunar (month/day with leap-month flag), on a client or one of its contacts. */
export interface ImportantDatesTable {
  id: string;
  client_id: string;
  contact_id: string | null;
  kind: 'birthday' | 'wedding_anniversary' | 'founding_day' | 'custom';
  label: string | null;
  calendar: 'solar' | 'lunar';
  month: number;
  day: number;
  leap_month: number;
  year: number | null;
  created_at: string;
  updated_at: string;
}

export const importantDatesColumns = columnsOf<ImportantDatesTable>()(
  'id', 'client_id', 'contact_id', 'kind', 'label', 'calendar', 'month', 'day', 'leap_month', 'year', 'created_at', 'updated_at',
);
