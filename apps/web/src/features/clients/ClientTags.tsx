import { Tag, Tooltip } from 'antd';
import { BankOutlined, UserOutlined } from '@ant-design/icons';
import type { ClientKind, ClientStatus, Grade, Tier } from '@retainer/shared';
import { useTranslation } from 'react-i18next';

// UI.md: grade, tier and status have one colour each across the app (A gold, B blue, C grey).
export const GRADE_COLORS: Record<Grade, string> = { A: 'gold', B: 'blue', C: 'default' };
export const TIER_COLORS: Record<Tier, string> = { strategic: 'purple', core: 'geekblue', potential: 'cyan', basic: 'default' };
export const STATUS_COLORS: Record<ClientStatus, string> = {
  prospect: 'lime',
  active: 'green',
  dormant: 'volcano',
  lost: 'magenta',
  dismissed: 'default',
};

export function GradeTag({ grade, manual, hint }: { grade: Grade; manual?: boolean; hint?: string | null }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={GRADE_COLORS[grade]} data-testid="grade-tag" style={{ marginInlineEnd: 0, fontWeight: 600 }}>
      {t(`clients.grades.${grade}`)}
      {manual ? ` · ${t('client.manualTag')}` : ''}
    </Tag>
  );
  return hint ? <Tooltip title={hint}>{tag}</Tooltip> : tag;
}

export function TierTag({ tier }: { tier: Tier | null }) {
  const { t } = useTranslation();
  if (!tier) return null;
  return (
    <Tag color={TIER_COLORS[tier]} variant="outlined" style={{ marginInlineEnd: 0 }} data-testid="tier-tag">
      {t(`clients.tiers.${tier}`)}
    </Tag>
  );
}

export function StatusTag({ status, manual, hint }: { status: ClientStatus; manual?: boolean; hint?: string | null }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={STATUS_COLORS[status]} variant="filled" style={{ marginInlineEnd: 0 }} data-testid="status-tag">
      {t(`clients.statuses.${status}`)}
      {manual ? ` · ${t('client.manualTag')}` : ''}
    </Tag>
  );
  return hint ? <Tooltip title={hint}>{tag}</Tooltip> : tag;
}

export function KindIcon({ kind, size = 14 }: { kind: ClientKind; size?: number }) {
  const { t } = useTranslation();
  const Icon = kind === 'organisation' ? BankOutlined : UserOutlined;
  return (
    <Tooltip title={t(`clients.kinds.${kind}`)}>
      <Icon aria-label={t(`clients.kinds.${kind}`)} style={{ fontSize: size, color: '#1f4e8c' }} />
    </Tooltip>
  );
}
