import type { FormInstance } from 'antd';
import { ApiRequestError } from '../app/api/client';

/**
 * Server 400 details go onto the matching fields; anything else (or a detail
 * for a field this form doesn't have) is shown as the server wrote it.
 */
export function applyServerErrors(
  err: unknown,
  form: FormInstance,
  fields: readonly string[],
  showError: (text: string) => void,
): void {
  if (err instanceof ApiRequestError) {
    const own = err.fieldErrors.filter((e) => fields.includes(e.field));
    if (own.length > 0) {
      const byField = new Map<string, string[]>();
      for (const e of own) byField.set(e.field, [...(byField.get(e.field) ?? []), e.message]);
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      if (own.length === err.fieldErrors.length) return;
    }
    showError(err.message);
    return;
  }
  showError(err instanceof Error ? err.message : String(err));
}
