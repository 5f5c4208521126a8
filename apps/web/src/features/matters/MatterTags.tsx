import { Tag } from 'antd';
import type { MatterStatus, MatterType } from '@retainer/shared';
import { useTranslation } from 'react-i18next';

// One colour per matter status across the app (list, detail, client tab).
export const MATTER_STATUS_COLORS: Record<MatterStatus, string> = {
  intake: 'default',
  engaged: 'cyan',
  in_progress: 'blue',
  closed: 'green',
};

export function MatterStatusTag({ status }: { status: MatterStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={MATTER_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="matter-status-tag" data-status={status}>
      {t(`matters.statuses.${status}`)}
    </Tag>
  );
}

export function MatterTypeTag({ type }: { type: MatterType }) {
  const { t } = useTranslation();
  return (
    <Tag variant="outlined" style={{ marginInlineEnd: 0, maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis' }}>
      {t(`matters.types.${type}`)}
    </Tag>
  );
}
