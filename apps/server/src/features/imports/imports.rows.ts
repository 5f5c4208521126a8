import {
  clientCreateSchema,
  contactCreateSchema,
  FIELD_MESSAGES,
  type ClientCreate,
  type ContactCreate,
  type ImportField,
} from '@retainer/shared';
import type { z } from 'zod';
import { problem, type Problem, type RowError } from './imports.messages.js';
import { type Cell, CellError, type SheetRow } from './imports.reader.js';
import {
  codeText,
  looksLikeOrganisation,
  nfkc,
  parseBirthday,
  parseDay,
  parseDecisionRole,
  parseGender,
  parseIndustry,
  parseKind,
  parseSource,
  parseYuan,
  splitTags,
  textOf,
  type Parsed,
} from './imports.values.js';

export type Columns = Map<ImportField, { index: number; header: string }>;

/** One valid row: the same values the API's create schema accepts, plus its contact and owner. */
export type ImportRow = {
  row: number;
  client: ClientCreate;
  /** the API fields the row gave (an empty cell never erases a stored value) */
  given: Set<keyof ClientCreate>;
  contact: ContactCreate | null;
  ownerEmail: string | null;
  /** column headers by field, to name the column in a later error */
  headerOf: (field: ImportField) => string | null;
};

export type RowResult = { ok: ImportRow } | { errors: RowError[] };

/** Excel's own limit for one cell; longer text is refused for its row, not the file. */
export const MAX_CELL = 32_767;

// API field → the import field that fills it (where the names differ).
const FROM_API: Partial<Record<string, ImportField>> = { hourlyRateFen: 'hourlyRateYuan', registeredCapitalFen: 'registeredCapitalYuan' };
const CONTACT_FIELDS: Record<string, ImportField> = {
  name: 'contactName', title: 'contactTitle', department: 'contactDepartment', phone: 'contactPhone', email: 'contactEmail',
  decisionRole: 'contactDecisionRole',
};

/** A schema issue as a coded reason; the shared schemas' own messages are reused as they are. */
function issueProblem(issue: z.core.$ZodIssue, field: ImportField): Problem {
  if (FIELD_MESSAGES[issue.message]) return problem('field_message', { field, message: issue.message });
  if (issue.code === 'too_big') return problem(issue.origin === 'array' ? 'too_many' : 'too_long', { field, max: Number(issue.maximum) });
  if (issue.code === 'too_small') return problem('required', { field });
  if (field.toLowerCase().endsWith('email')) return problem('email_invalid', { field });
  return problem('format_invalid', { field });
}

type Reader = { cell(field: ImportField): Cell; header(field: ImportField): string | null };

/** Turns the cells of the mapped columns into API values, collecting one reason per bad cell. */
function convert(r: Reader, errors: RowError[], rowNumber: number) {
  const input: Record<string, unknown> = {};
  const contact: Record<string, unknown> = {};
  let ownerEmail: string | null = null;
  const refuse = (field: ImportField, p: Problem) => errors.push({ row: rowNumber, column: r.header(field), ...p });
  const take = <T>(field: ImportField, parsed: Parsed<T>, set: (v: T) => void) => {
    if ('ok' in parsed) set(parsed.ok);
    else refuse(field, parsed.error);
  };
  const each = (field: ImportField, f: (cell: Cell, text: string) => void) => {
    const cell = r.cell(field);
    if (cell instanceof CellError) {
      refuse(field, problem('cell_error', { value: cell.code }));
      return;
    }
    const text = textOf(cell);
    if (text === null) return;
    if (text.length > MAX_CELL) {
      refuse(field, problem('cell_too_long', { max: MAX_CELL }));
      return;
    }
    f(cell, text);
  };
  const plain = (field: ImportField, key: string, target = input) => each(field, (_c, t) => (target[key] = t));
  const folded = (field: ImportField, key: string, target = input) => each(field, (_c, t) => (target[key] = nfkc(t)));

  plain('name', 'name');
  each('kind', (_c, t) => take('kind', parseKind(t), (v) => (input.kind = v)));
  folded('phone', 'phone');
  folded('email', 'email');
  each('idNumber', (c) => take('idNumber', codeText(c, 'idNumber'), (v) => (input.idNumber = v)));
  each('uscc', (c) => take('uscc', codeText(c, 'uscc'), (v) => (input.uscc = v)));
  each('industry', (_c, t) => take('industry', parseIndustry(t), (v) => (input.industry = v)));
  for (const f of ['region', 'city', 'address', 'legalRepresentative', 'website', 'employer', 'jobTitle', 'wechat', 'notes'] as const) plain(f, f);
  each('source', (_c, t) => take('source', parseSource(t), (v) => (input.source = v)));
  each('tags', (_c, t) => (input.tags = [...new Set(splitTags(t))]));
  each('hourlyRateYuan', (c) => take('hourlyRateYuan', parseYuan(c), (v) => (input.hourlyRateFen = v)));
  each('registeredCapitalYuan', (c) => take('registeredCapitalYuan', parseYuan(c), (v) => (input.registeredCapitalFen = v)));
  each('foundedOn', (c) => take('foundedOn', parseDay(c), (v) => (input.foundedOn = v)));
  each('gender', (_c, t) => take('gender', parseGender(t), (v) => (input.gender = v)));
  each('birthday', (c) => take('birthday', parseBirthday(c), (v) => (input.birthday = v)));
  each('ownerEmail', (_c, t) => (ownerEmail = nfkc(t).toLowerCase()));
  plain('contactName', 'name', contact);
  plain('contactTitle', 'title', contact);
  plain('contactDepartment', 'department', contact);
  folded('contactPhone', 'phone', contact);
  folded('contactEmail', 'email', contact);
  each('contactDecisionRole', (_c, t) => take('contactDecisionRole', parseDecisionRole(t), (v) => (contact.decisionRole = v)));
  return { input, contact, ownerEmail: ownerEmail as string | null };
}

/** Without a type column: codes and personal fields decide, then how the name ends. */
function inferKind(input: Record<string, unknown>): 'individual' | 'organisation' {
  if (input.uscc || input.legalRepresentative || input.registeredCapitalFen !== undefined || input.foundedOn) return 'organisation';
  if (input.idNumber || input.gender || input.birthday) return 'individual';
  return looksLikeOrganisation(String(input.name ?? '')) ? 'organisation' : 'individual';
}

/** C-10: a row, validated by the API's own schemas; a bad row yields its reasons, not an exception. */
export function parseRow(sheetRow: SheetRow, columns: Columns): RowResult {
  const headerOf = (field: ImportField) => columns.get(field)?.header ?? null;
  const reader: Reader = {
    cell: (field) => {
      const col = columns.get(field);
      return col ? (sheetRow.cells[col.index] ?? null) : null;
    },
    header: headerOf,
  };
  const errors: RowError[] = [];
  const { input, contact, ownerEmail } = convert(reader, errors, sheetRow.row);
  if (input.name === undefined && !errors.some((e) => e.column === headerOf('name'))) {
    errors.push({ row: sheetRow.row, column: headerOf('name'), ...problem('name_required') });
  }
  if (errors.length) return { errors };

  const given = new Set(Object.keys(input)) as Set<keyof ClientCreate>;
  input.kind ??= inferKind(input);
  const client = clientCreateSchema.safeParse(input);
  if (!client.success) {
    return {
      errors: client.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '');
        const field = FROM_API[key] ?? (key as ImportField);
        return { row: sheetRow.row, column: headerOf(field), ...issueProblem(issue, field) };
      }),
    };
  }

  let parsedContact: ContactCreate | null = null;
  if (Object.keys(contact).length) {
    if (contact.name === undefined) {
      const first = Object.values(CONTACT_FIELDS).find((f) => reader.cell(f) !== null) ?? 'contactName';
      return { errors: [{ row: sheetRow.row, column: headerOf(first), ...problem('contact_name_required') }] };
    }
    const c = contactCreateSchema.safeParse(contact);
    if (!c.success) {
      return {
        errors: c.error.issues.map((issue) => {
          const field = CONTACT_FIELDS[String(issue.path[0] ?? 'name')] ?? 'contactName';
          return { row: sheetRow.row, column: headerOf(field), ...issueProblem(issue, field) };
        }),
      };
    }
    parsedContact = c.data;
  }
  return { ok: { row: sheetRow.row, client: client.data, given, contact: parsedContact, ownerEmail, headerOf } };
}
