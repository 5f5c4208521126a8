import type { Client, ClientCreate, ClientKind, ClientUpdate } from '@retainer/shared';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiRequestError } from '../../app/api/client';
import { toCalendarDate, type CalendarDateValue } from './CalendarDateInput';
import { fenToYuan, isIndustry, yuanToFen } from './clientFormat';

export interface ClientFormValues {
  kind: ClientKind;
  name: string;
  industry?: string | null;
  region?: string;
  city?: string;
  address?: string;
  phone?: string;
  email?: string;
  source?: Client['source'];
  referrerName?: string;
  tags?: string[];
  hourlyRateYuan?: number | null;
  potentialNeeds?: string;
  potentialResources?: string;
  notes?: string;
  ownerId?: string;
  managerId?: string | null;
  teamId?: string | null;
  gender?: Client['gender'];
  birthday?: CalendarDateValue | null;
  idNumber?: string;
  familySituation?: string;
  incomeBracket?: string;
  employer?: string;
  jobTitle?: string;
  hobbies?: string;
  wechat?: string;
  uscc?: string;
  legalRepresentative?: string;
  registeredCapitalYuan?: number | null;
  employeeScale?: string;
  revenueBracket?: string;
  foundedOn?: Dayjs | null;
  customerGroups?: string;
  businessPartners?: string;
  website?: string;
}

const TEXT = [
  'region', 'city', 'address', 'phone', 'email', 'referrerName', 'potentialNeeds', 'potentialResources', 'notes',
] as const;
const INDIVIDUAL_TEXT = ['idNumber', 'familySituation', 'incomeBracket', 'employer', 'jobTitle', 'hobbies', 'wechat'] as const;
const ORG_TEXT = ['uscc', 'legalRepresentative', 'employeeScale', 'revenueBracket', 'customerGroups', 'businessPartners', 'website'] as const;
export const MASKABLE = ['phone', 'email', 'idNumber', 'uscc'] as const;

/** Form field names, for mapping server 400 details onto them. */
export const CLIENT_FORM_FIELDS = [
  'kind', 'name', 'industry', 'source', 'tags', 'hourlyRateYuan', 'ownerId', 'managerId', 'teamId', 'gender', 'birthday',
  'registeredCapitalYuan', 'foundedOn', ...TEXT, ...INDIVIDUAL_TEXT, ...ORG_TEXT,
];

/** Server 400 details name the API's fields; some forms name them differently. */
export function renameFieldErrors(err: unknown, rename: Record<string, string>): unknown {
  if (!(err instanceof ApiRequestError) || !Array.isArray(err.details)) return err;
  const details = err.fieldErrors.map((e) => {
    const head = e.field.split('.')[0] ?? e.field;
    return rename[head] ? { ...e, field: rename[head] } : e;
  });
  return new ApiRequestError(err.status, err.code, err.message, details);
}

/** The API says fen; the form says 元. */
export const toFormFieldErrors = (err: unknown) =>
  renameFieldErrors(err, { hourlyRateFen: 'hourlyRateYuan', registeredCapitalFen: 'registeredCapitalYuan' });

const clean = (v: string | undefined | null): string | null => (v && v.trim() ? v.trim() : null);

/** Everything the form holds, as the API's fields (kind-specific fields only for that kind). */
function toPayload(v: ClientFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: v.name.trim(),
    industry: isIndustry(v.industry) ? v.industry : null,
    source: v.source ?? null,
    tags: (v.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    hourlyRateFen: yuanToFen(v.hourlyRateYuan),
  };
  for (const k of TEXT) out[k] = clean(v[k]);
  if (v.kind === 'individual') {
    for (const k of INDIVIDUAL_TEXT) out[k] = clean(v[k]);
    out.gender = v.gender ?? null;
    out.birthday = toCalendarDate(v.birthday);
  } else {
    for (const k of ORG_TEXT) out[k] = clean(v[k]);
    out.registeredCapitalFen = yuanToFen(v.registeredCapitalYuan);
    out.foundedOn = v.foundedOn ? v.foundedOn.format('YYYY-MM-DD') : null;
  }
  return out;
}

export function toCreate(v: ClientFormValues): ClientCreate {
  const payload = toPayload(v);
  // leave out what is empty: the server's defaults apply
  const body = Object.fromEntries(Object.entries(payload).filter(([, x]) => x !== null && !(Array.isArray(x) && x.length === 0)));
  return {
    ...body,
    kind: v.kind,
    ...(v.ownerId ? { ownerId: v.ownerId } : {}),
    ...(v.managerId ? { managerId: v.managerId } : {}),
    ...(v.teamId ? { teamId: v.teamId } : {}),
  } as ClientCreate;
}

/** Only what changed; masked fields left empty keep their value. */
export function toUpdate(v: ClientFormValues, initial: ClientFormValues, masked: boolean): ClientUpdate {
  const now = toPayload(v);
  const before = toPayload(initial);
  const out: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(now)) {
    if (masked && (MASKABLE as readonly string[]).includes(k) && value === null) continue;
    if (JSON.stringify(value) !== JSON.stringify(before[k])) out[k] = value;
  }
  return out as ClientUpdate;
}

const str = (v: string | null | undefined) => v ?? undefined;

export function fromClient(c: Client): ClientFormValues {
  // masked values are not real values; the field stays empty and unchanged unless retyped
  const secret = (v: string | null) => (c.masked ? undefined : str(v));
  return {
    kind: c.kind,
    name: c.name,
    industry: c.industry,
    region: str(c.region),
    city: str(c.city),
    address: str(c.address),
    phone: secret(c.phone),
    email: secret(c.email),
    source: c.source,
    referrerName: str(c.referrerName),
    tags: c.tags,
    hourlyRateYuan: fenToYuan(c.hourlyRateFen),
    potentialNeeds: str(c.potentialNeeds),
    potentialResources: str(c.potentialResources),
    notes: str(c.notes),
    gender: c.gender,
    birthday: c.birthday,
    idNumber: secret(c.idNumber),
    familySituation: str(c.familySituation),
    incomeBracket: str(c.incomeBracket),
    employer: str(c.employer),
    jobTitle: str(c.jobTitle),
    hobbies: str(c.hobbies),
    wechat: str(c.wechat),
    uscc: secret(c.uscc),
    legalRepresentative: str(c.legalRepresentative),
    registeredCapitalYuan: fenToYuan(c.registeredCapitalFen),
    employeeScale: str(c.employeeScale),
    revenueBracket: str(c.revenueBracket),
    foundedOn: c.foundedOn ? dayjs(c.foundedOn) : null,
    customerGroups: str(c.customerGroups),
    businessPartners: str(c.businessPartners),
    website: str(c.website),
  };
}
