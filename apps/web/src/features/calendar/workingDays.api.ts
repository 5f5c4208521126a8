import { useQuery } from '@tanstack/react-query';
import type { CalendarYear, CalendarYears, CalendarYearUpdate } from '@retainer/shared';
import { ApiRequestError, api, apiRequest } from '../../app/api/client';

export const calendarKeys = {
  years: ['calendar-years'] as const,
  year: (year: number) => ['calendar-years', year] as const,
};

export const calendarApi = {
  years: (signal?: AbortSignal) => api.get<CalendarYears>('/v1/calendar/years', undefined, signal),
  /** null when the table has no such year (404). */
  year: async (year: number, signal?: AbortSignal): Promise<CalendarYear | null> => {
    try {
      return await api.get<CalendarYear>(`/v1/calendar/years/${year}`, undefined, signal);
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 404) return null;
      throw err;
    }
  },
  save: (year: number, body: CalendarYearUpdate) => apiRequest<CalendarYear>(`/v1/calendar/years/${year}`, { method: 'PUT', body }),
};

export function useCalendarYears() {
  return useQuery({ queryKey: calendarKeys.years, queryFn: ({ signal }) => calendarApi.years(signal) });
}

export function useCalendarYear(year: number) {
  return useQuery({ queryKey: calendarKeys.year(year), queryFn: ({ signal }) => calendarApi.year(year, signal) });
}
