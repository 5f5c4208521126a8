import {
  CLIENT_STATUSES,
  GRADES,
  IMPORTANT_DATE_KINDS,
  PERSONNEL_FIELDS,
  RELATIONSHIP_ROLES,
  TIERS,
  type TimelineEvent,
} from '@retainer/shared';
import type { TFunction } from 'i18next';
import { formatCalendarDate } from './clientFormat';
import { matterTimelineDetail } from '../matters/matterTimeline';
import { standardsTimelineDetail } from '../matters/standardsTimeline';
import { interactionTimelineDetail } from '../interactions/interactionTimeline';
import { classificationTimelineDetail } from '../classification/classificationTimeline';
import { surveysTimelineDetail } from '../surveys/surveysTimeline';
import { requestTimelineDetail } from '../requests/requestTimeline';
import { complaintTimelineDetail } from '../complaints/complaintFormat';

const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : null);

// Field names in `client_updated` / `contact_updated` events, in words.
const FIELD_LABELS = {
  name: 'clients.name',
  industry: 'clients.industry',
  region: 'clientForm.region',
  city: 'clientForm.city',
  address: 'clientForm.address',
  phone: 'clients.phone',
  email: 'clients.email',
  source: 'clientForm.source',
  referrerName: 'clientForm.referrerName',
  tags: 'clients.tags',
  hourlyRateFen: 'clientForm.hourlyRate',
  potentialNeeds: 'clientForm.potentialNeeds',
  potentialResources: 'clientForm.potentialResources',
  notes: 'clientForm.notes',
  gender: 'clientForm.gender',
  birthday: 'clientForm.birthday',
  idNumber: 'clientForm.idNumber',
  familySituation: 'clientForm.familySituation',
  incomeBracket: 'clientForm.incomeBracket',
  employer: 'clientForm.employer',
  jobTitle: 'clientForm.jobTitle',
  hobbies: 'clientForm.hobbies',
  wechat: 'clientForm.wechat',
  uscc: 'clients.uscc',
  legalRepresentative: 'clientForm.legalRepresentative',
  registeredCapitalFen: 'clientForm.registeredCapital',
  employeeScale: 'clientForm.employeeScale',
  revenueBracket: 'clientForm.revenueBracket',
  foundedOn: 'clientForm.foundedOn',
  customerGroups: 'clientForm.customerGroups',
  businessPartners: 'clientForm.businessPartners',
  website: 'clientForm.website',
  department: 'contacts.department',
  title: 'contacts.title',
  decisionRole: 'contacts.decisionRole',
  isPrimary: 'contacts.isPrimary',
  status: 'contacts.status',
} as const;
type LabelledField = keyof typeof FIELD_LABELS;

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function fieldLabel(t: TFunction, field: string): string {
  const key = camel(field);
  if (key in FIELD_LABELS) return t(FIELD_LABELS[key as LabelledField]);
  return field;
}

/** Enum values shown in words (A → A 级, lost → 流失, left → 已离职). */
function word(t: TFunction, v: unknown): string | null {
  if (oneOf(GRADES, v)) return t(`clients.grades.${v}`);
  if (oneOf(CLIENT_STATUSES, v)) return t(`clients.statuses.${v}`);
  if (oneOf(TIERS, v)) return t(`clients.tiers.${v}`);
  if (v === 'in_post' || v === 'left') return t(`contacts.statuses.${v}`);
  return str(v);
}

/** C-8: lines of detail under a timeline event, from whatever its data carries. */
export function timelineDetail(t: TFunction, lang: string, e: TimelineEvent): string[] {
  const d = e.data;
  const lines: string[] = [];
  const sep = lang === 'en-US' ? ', ' : '、';

  if (e.kind.startsWith('important_date_')) {
    const parts = [oneOf(IMPORTANT_DATE_KINDS, d.kind) ? t(`dates.kinds.${d.kind}`) : null, str(d.label)];
    const date = d.date as { calendar?: unknown; month?: unknown; day?: unknown; leapMonth?: unknown; year?: unknown } | undefined;
    if (date && (date.calendar === 'solar' || date.calendar === 'lunar') && typeof date.month === 'number' && typeof date.day === 'number') {
      parts.push(
        formatCalendarDate(t, lang, {
          calendar: date.calendar,
          month: date.month,
          day: date.day,
          leapMonth: date.leapMonth === true,
          year: typeof date.year === 'number' ? date.year : null,
        }),
      );
    }
    const text = parts.filter(Boolean).join(' · ');
    if (text) lines.push(text);
    return lines;
  }
  if (e.kind.startsWith('matter_') || e.kind.startsWith('fee_')) return matterTimelineDetail(t, e);
  if (e.kind === 'adverse_event_recorded' || e.kind === 'standard_breached') return standardsTimelineDetail(t, e);
  if (e.kind.startsWith('interaction_') || e.kind.startsWith('need_')) return interactionTimelineDetail(t, e);
  if (e.kind === 'classification_changed') return classificationTimelineDetail(t, e);
  if (e.kind === 'survey_sent' || e.kind === 'survey_answered') return surveysTimelineDetail(t, e);
  if (e.kind.startsWith('request_')) return requestTimelineDetail(t, e);
  if (e.kind.startsWith('complaint_')) return complaintTimelineDetail(t, e);
  if (e.kind.startsWith('relationship_')) {
    if (oneOf(RELATIONSHIP_ROLES, d.role)) lines.push(t(`relationships.roles.${d.role}`));
    return lines;
  }

  if (e.kind === 'owner_changed') {
    // Transfers carry the names as they were: owner, manager and team, each shown when it changed.
    const before = (d.fromNames ?? {}) as Record<string, unknown>;
    const after = (d.toNames ?? {}) as Record<string, unknown>;
    for (const role of ['owner', 'manager', 'team'] as const) {
      const a = str(before[role]);
      const b = str(after[role]);
      if (a === b) continue;
      lines.push(`${t(`timeline.transferRoles.${role}`)}${t('client.colon')}${t('timeline.fromTo', { from: a ?? t('common.empty'), to: b ?? t('common.empty') })}`);
    }
    const why = str(d.reason);
    if (why) lines.push(t('timeline.reason', { reason: why }));
    return lines;
  }

  const name = str(d.contactName) ?? (e.kind === 'client_created' ? null : str(d.name));
  if (name) lines.push(name);
  const from = word(t, d.from);
  const to = word(t, d.to);
  if (from !== null || to !== null) {
    const change = t('timeline.fromTo', { from: from ?? t('common.empty'), to: to ?? t('common.empty') });
    const field = str(d.field);
    lines.push(field ? `${oneOf(PERSONNEL_FIELDS, field) ? t(`personnel.fields.${field}`) : fieldLabel(t, field)}${t('client.colon')}${change}` : change);
  }
  if (Array.isArray(d.fields) && d.fields.length) {
    lines.push(t('timeline.fieldsChanged', { fields: d.fields.map((f) => fieldLabel(t, String(f))).join(sep) }));
  }
  const reason = str(d.reason);
  if (reason) lines.push(t('timeline.reason', { reason }));
  return lines;
}
