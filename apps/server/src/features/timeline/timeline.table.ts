import { columnsOf } from '../../db/columns.js';

/** C-8: one feed per client; later features add kinds. `data` is JSON text. */
export interface TimelineEventsTable {
  id: string;
  client_id: string;
  at: string;
  kind: string;
  actor_id: string | null;
  data: string;
}

export const timelineEventsColumns = columnsOf<TimelineEventsTable>()('id', 'client_id', 'at', 'kind', 'actor_id', 'data');
