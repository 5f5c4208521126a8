import type { FormInstance } from 'antd';
import { ApiRequestError } from '../app/api/client';

/**
 * Server 400 details go onto the matching fields. Other errors (e.g. 409 "email
 * taken") are shown as the server wrote them, and also on the field they name.
 */
export function applyServerErrors(
  err: unknown,
  form: FormInstance,
  fields: readonly string[],
  showError: (text: string) => void,
): void {
  if (err instanceof ApiRequestError && err.status !== 400) {
    const named = err.fieldErrors.filter((e) => fields.includes(e.field)).map((e) => e.field);
    if (named.length > 0) form.setFields([...new Set(named)].map((name) => ({ name, errors: [err.message] })));
    showError(err.message);
    return;
  }
  if (err instanceof ApiRequestError) {
    const own = err.fieldErrors.filter((e) => fields.includes(e.field));
    if (own.length > 0) {
      const byField = new Map<string, string[]>();
      for (const e of own) byField.set(e.field, [...(byField.get(e.field) ?? []), e.message]);
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    }
    showError(err.message);
    return;
  }
  showError(err instanceof Error ? err.message : String(err));
}
