import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { NextOccurrence } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { ApiRequestError, api } from '../../app/api/client';
import { useDebouncedValue } from '../../components/useDebouncedValue';

export type PreviewDate = { calendar: 'solar' | 'lunar'; month: number; day: number; leapMonth: boolean; year: number | null };

/** A date the calendar rejects is an answer too (shown inline), not a failed request. */
export type Preview = { ok: true; value: NextOccurrence } | { ok: false; message: string };

export const calendarApi = {
  nextOccurrence: (d: PreviewDate, signal?: AbortSignal) =>
    api.get<NextOccurrence>(
      '/v1/calendar/next-occurrence',
      { calendar: d.calendar, month: d.month, day: d.day, leapMonth: d.calendar === 'lunar' && d.leapMonth, year: d.year },
      signal,
    ),
};

async function fetchPreview(d: PreviewDate, signal: AbortSignal): Promise<Preview> {
  try {
    return { ok: true, value: await calendarApi.nextOccurrence(d, signal) };
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 400) return { ok: false, message: err.fieldErrors[0]?.message ?? err.message };
    throw err;
  }
}

/**
 * C-5: where a date falls next, fetched a moment after the person stops changing it.
 * The last answer stays up while the next one loads (`stale` says so), so the line never blinks.
 */
export function useNextOccurrence(date: PreviewDate | null, delayMs = 300) {
  const { i18n } = useTranslation();
  const debounced = useDebouncedValue(date, delayMs);
  const query = useQuery({
    queryKey: ['calendar', 'next-occurrence', debounced, i18n.language] as const,
    queryFn: ({ signal }) => fetchPreview(debounced!, signal),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 5 * 60_000,
  });
  const settling = JSON.stringify(date) !== JSON.stringify(debounced) || query.isPlaceholderData;
  return { preview: date === null ? undefined : query.data, stale: settling };
}
