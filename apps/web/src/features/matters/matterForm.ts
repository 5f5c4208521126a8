import type { FeeArrangement, Matter, MatterCreate, MatterType, MatterUpdate } from '@retainer/shared';
import dayjs, { type Dayjs } from 'dayjs';
import { FIRM_TIME_ZONE } from '../../app/format';
import { fenToYuan, yuanToFen } from '../clients/clientFormat';
import { renameFieldErrors } from '../clients/clientForm';

export interface PartyValue {
  name: string;
  kind: 'person' | 'organisation';
  idCode?: string;
}

export interface MatterFormValues {
  clientId?: string;
  type: MatterType;
  title: string;
  caseNumber?: string;
  forum?: string;
  amountInDisputeYuan?: number | null;
  feeArrangement?: FeeArrangement | null;
  agreedFeeYuan?: number | null;
  openedOn?: Dayjs | null;
  retainerExpiresOn?: Dayjs | null;
  leadLawyerId?: string;
  outcome?: string;
  opposingParties?: PartyValue[];
}

/** Form field names, for mapping server 400 details onto them. */
export const MATTER_FORM_FIELDS = [
  'clientId', 'type', 'title', 'caseNumber', 'forum', 'amountInDisputeYuan', 'feeArrangement', 'agreedFeeYuan', 'openedOn',
  'retainerExpiresOn', 'leadLawyerId', 'outcome', 'opposingParties',
] as const;

/** The API says fen; the form says 元. */
export const toMatterFieldErrors = (err: unknown) =>
  renameFieldErrors(err, { amountInDisputeFen: 'amountInDisputeYuan', agreedFeeFen: 'agreedFeeYuan' });

/** Today in the firm's time zone, for "not in the future" pickers. */
export const firmToday = () => dayjs(dayjs().tz(FIRM_TIME_ZONE).format('YYYY-MM-DD'));
export const isFutureDay = (d: Dayjs) => d.isAfter(firmToday(), 'day');

const clean = (v: string | undefined | null): string | null => (v && v.trim() ? v.trim() : null);
const day = (d: Dayjs | null | undefined): string | null => (d ? d.format('YYYY-MM-DD') : null);

export function fromMatter(m: Matter): MatterFormValues {
  return {
    clientId: m.clientId,
    type: m.type,
    title: m.title,
    caseNumber: m.caseNumber ?? undefined,
    forum: m.forum ?? undefined,
    amountInDisputeYuan: fenToYuan(m.amountInDisputeFen),
    feeArrangement: m.feeArrangement,
    agreedFeeYuan: fenToYuan(m.agreedFeeFen),
    openedOn: dayjs(m.openedOn),
    retainerExpiresOn: m.retainerExpiresOn ? dayjs(m.retainerExpiresOn) : null,
    leadLawyerId: m.leadLawyerId,
    outcome: m.outcome ?? undefined,
  };
}

function fields(v: MatterFormValues) {
  return {
    type: v.type,
    title: v.title.trim(),
    caseNumber: clean(v.caseNumber),
    forum: clean(v.forum),
    amountInDisputeFen: yuanToFen(v.amountInDisputeYuan),
    feeArrangement: v.feeArrangement ?? null,
    agreedFeeFen: yuanToFen(v.agreedFeeYuan),
    retainerExpiresOn: v.type === 'retainer' ? day(v.retainerExpiresOn) : null,
    outcome: clean(v.outcome),
  };
}

export function toCreate(v: MatterFormValues): MatterCreate {
  const openedOn = day(v.openedOn);
  return {
    clientId: v.clientId ?? '',
    ...fields(v),
    ...(openedOn ? { openedOn } : {}),
    ...(v.leadLawyerId ? { leadLawyerId: v.leadLawyerId } : {}),
    opposingParties: (v.opposingParties ?? [])
      .filter((p) => p.name?.trim())
      .map((p) => ({ name: p.name.trim(), kind: p.kind, idCode: clean(p.idCode) })),
  };
}

/** Only what changed, so an edit never touches fields the person left alone. */
export function toUpdate(v: MatterFormValues, before: MatterFormValues): MatterUpdate {
  const now = { ...fields(v), openedOn: day(v.openedOn), leadLawyerId: v.leadLawyerId };
  const was = { ...fields(before), openedOn: day(before.openedOn), leadLawyerId: before.leadLawyerId };
  const out: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(now)) {
    if (value !== was[k as keyof typeof was] && value !== undefined) out[k] = value;
  }
  return out as MatterUpdate;
}
