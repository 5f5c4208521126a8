import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  Delivery,
  DeliveryChannel,
  DeliveryStatus,
  DigestPreference,
  EmailSettings,
  EmailSettingsUpdate,
  EmailTestResult,
  ListResponse,
  WebhookSettings,
  WebhookSettingsUpdate,
} from '@retainer/shared';
import { api, apiRequest } from '../../app/api/client';

export const reminderKeys = {
  email: ['settings', 'email'] as const,
  webhook: ['settings', 'webhook'] as const,
  deliveries: ['deliveries'] as const,
  digest: ['me', 'digest'] as const,
};

const put = <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body });

export const remindersApi = {
  email: (signal?: AbortSignal) => api.get<EmailSettings>('/v1/settings/email', undefined, signal),
  saveEmail: (body: EmailSettingsUpdate) => put<EmailSettings>('/v1/settings/email', body),
  testEmail: (to?: string) => api.post<EmailTestResult>('/v1/settings/email/test', to ? { to } : {}),
  webhook: (signal?: AbortSignal) => api.get<WebhookSettings>('/v1/settings/webhook', undefined, signal),
  saveWebhook: (body: WebhookSettingsUpdate) => put<WebhookSettings>('/v1/settings/webhook', body),
  digest: (signal?: AbortSignal) => api.get<DigestPreference>('/v1/me/digest', undefined, signal),
  saveDigest: (enabled: boolean) => put<DigestPreference>('/v1/me/digest', { enabled }),
};

export const useEmailSettings = () => useQuery({ queryKey: reminderKeys.email, queryFn: ({ signal }) => remindersApi.email(signal) });
export const useWebhookSettings = () => useQuery({ queryKey: reminderKeys.webhook, queryFn: ({ signal }) => remindersApi.webhook(signal) });
export const useDigestPreference = () => useQuery({ queryKey: reminderKeys.digest, queryFn: ({ signal }) => remindersApi.digest(signal) });

export type DeliveryFilters = { status?: DeliveryStatus | undefined; channel?: DeliveryChannel | undefined };

export function useDeliveries(params: DeliveryFilters & { limit: number; cursor?: string | undefined }) {
  return useQuery({
    queryKey: [...reminderKeys.deliveries, params],
    queryFn: ({ signal }) => api.get<ListResponse<Delivery>>('/v1/deliveries', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}
