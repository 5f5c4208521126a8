import type { CalendarFeed } from '@retainer/shared';
import { api } from '../../app/api/client';

export function changePassword(body: { currentPassword: string; newPassword: string }): Promise<void> {
  return api.post<void>('/v1/auth/change-password', body);
}

export function getCalendarFeed(): Promise<CalendarFeed> {
  return api.get<CalendarFeed>('/v1/me/calendar-feed');
}

export function rotateCalendarFeed(): Promise<CalendarFeed> {
  return api.post<CalendarFeed>('/v1/me/calendar-feed/rotate');
}
