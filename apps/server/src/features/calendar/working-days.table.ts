import type { CalendarDayKind, CalendarYearStatus } from '@retainer/shared';
import { columnsOf } from '../../db/columns.js';

/** M-6: one row per holiday (放假) or make-up workday (调休上班); ordinary weekdays and weekends have none. */
export interface CalendarDaysTable {
  /** 'YYYY-MM-DD' */
  date: string;
  year: number;
  kind: CalendarDayKind;
  name: string;
}

/** The years the table covers; a year without a row here falls back to Monday–Friday. */
export interface CalendarYearsTable {
  year: number;
  status: CalendarYearStatus;
  /** the notice title, or how a provisional year was estimated */
  source: string;
  updated_at: string;
  /** null: shipped with the release */
  updated_by: string | null;
}

export const calendarDaysColumns = columnsOf<CalendarDaysTable>()('date', 'year', 'kind', 'name');
export const calendarYearsColumns = columnsOf<CalendarYearsTable>()('year', 'status', 'source', 'updated_at', 'updated_by');
