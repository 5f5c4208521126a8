import { useQuery } from '@tanstack/react-query';
import type {
  Contact,
  ContactCreate,
  ContactUnmaskableField,
  ContactUnmasked,
  ContactUpdate,
  ImportantDate,
  ListResponse,
  Relationship,
} from '@retainer/shared';
import { api } from '../../app/api/client';
import { clientKeys, clientPath } from './clients.api';

/** Sub-lists may come as {items,…} or as a bare array; the pages want the items. */
type ListOf<T> = ListResponse<T> | T[];
const itemsOf = <T,>(data: ListOf<T>): T[] => (Array.isArray(data) ? data : data.items);

export type ImportantDateInput = {
  contactId?: string | null;
  kind: ImportantDate['kind'];
  label?: string | null;
  calendar: 'solar' | 'lunar';
  month: number;
  day: number;
  leapMonth: boolean;
  year?: number | null;
};

const sub = (clientId: string, what: string, id?: string) =>
  `${clientPath(clientId)}/${what}${id ? `/${encodeURIComponent(id)}` : ''}`;

export const contactsApi = {
  list: (clientId: string, signal?: AbortSignal) =>
    api.get<ListOf<Contact>>(sub(clientId, 'contacts'), { limit: 200 }, signal).then(itemsOf),
  create: (clientId: string, body: ContactCreate) => api.post<Contact>(sub(clientId, 'contacts'), body),
  update: (clientId: string, id: string, body: ContactUpdate) => api.patch<Contact>(sub(clientId, 'contacts', id), body),
  remove: (clientId: string, id: string) => api.delete(sub(clientId, 'contacts', id)),
  /** X-2: logged on the server */
  unmask: (clientId: string, id: string, fields: ContactUnmaskableField[]) =>
    api.post<ContactUnmasked>(`${sub(clientId, 'contacts', id)}/unmask`, { fields }),
};

export const datesApi = {
  list: (clientId: string, signal?: AbortSignal) =>
    api.get<ListOf<ImportantDate>>(sub(clientId, 'important-dates'), { limit: 200 }, signal).then(itemsOf),
  create: (clientId: string, body: ImportantDateInput) => api.post<ImportantDate>(sub(clientId, 'important-dates'), body),
  update: (clientId: string, id: string, body: Partial<ImportantDateInput>) =>
    api.patch<ImportantDate>(sub(clientId, 'important-dates', id), body),
  remove: (clientId: string, id: string) => api.delete(sub(clientId, 'important-dates', id)),
};

export const relationshipsApi = {
  list: (clientId: string, signal?: AbortSignal) =>
    api.get<ListOf<Relationship>>(sub(clientId, 'relationships'), { limit: 200 }, signal).then(itemsOf),
  create: (clientId: string, body: { otherClientId: string; role: Relationship['role']; note?: string | null }) =>
    api.post<Relationship>(sub(clientId, 'relationships'), body),
  remove: (clientId: string, id: string) => api.delete(sub(clientId, 'relationships', id)),
};

export function useContacts(clientId: string) {
  return useQuery({ queryKey: clientKeys.sub(clientId, 'contacts'), queryFn: ({ signal }) => contactsApi.list(clientId, signal) });
}

export function useImportantDates(clientId: string) {
  return useQuery({ queryKey: clientKeys.sub(clientId, 'dates'), queryFn: ({ signal }) => datesApi.list(clientId, signal) });
}

export function useRelationships(clientId: string) {
  return useQuery({ queryKey: clientKeys.sub(clientId, 'relationships'), queryFn: ({ signal }) => relationshipsApi.list(clientId, signal) });
}
