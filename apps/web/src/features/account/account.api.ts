import { api } from '../../app/api/client';

export function changePassword(body: { currentPassword: string; newPassword: string }): Promise<void> {
  return api.post<void>('/v1/auth/change-password', body);
}
