import type { FormInstance } from 'antd';
import { ApiRequestError } from '../app/api/client';

/** `birthday.month` belongs to the `birthday` field when the form has no such nested field. */
function formField(field: string, fields: readonly string[]): string | null {
  if (fields.includes(field)) return field;
  const head = field.split('.')[0] ?? field;
  return fields.includes(head) ? head : null;
}

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
    const named = err.fieldErrors.flatMap((e) => formField(e.field, fields) ?? []);
    if (named.length > 0) form.setFields([...new Set(named)].map((name) => ({ name, errors: [err.message] })));
    showError(err.message);
    return;
  }
  if (err instanceof ApiRequestError) {
    const own = err.fieldErrors.flatMap((e) => {
      const name = formField(e.field, fields);
      return name ? [{ name, message: e.message }] : [];
    });
    if (own.length > 0) {
      const byField = new Map<string, string[]>();
      for (const e of own) byField.set(e.name, [...(byField.get(e.name) ?? []), e.message]);
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    }
    showError(err.message);
    return;
  }
  showError(err instanceof Error ? err.message : String(err));
}
