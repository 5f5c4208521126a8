import type { Login, Me } from '@retainer/shared';
import { apiRequest } from '../../app/api/client';

export function login(body: Login): Promise<Me> {
  // a 401 here is "wrong password", not "session ended"
  return apiRequest<Me>('/v1/auth/login', { method: 'POST', body, allow401: true });
}
