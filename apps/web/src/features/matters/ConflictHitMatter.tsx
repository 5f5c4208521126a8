import { Typography } from 'antd';
import type { ConflictHit } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** C-11: an opposing-party hit names its matter and lead lawyer (only when the client is visible). */
export function ConflictHitMatter({ hit }: { hit: ConflictHit }) {
  const { t } = useTranslation();
  if (!hit.matterId || !hit.matterTitle) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="conflict-hit-matter">
      <Link to={`/matters/${encodeURIComponent(hit.matterId)}`}>{hit.matterTitle}</Link>
      {hit.leadLawyerName ? ` · ${t('matters.fields.leadLawyer')}${t('matters.detail.colon')}${hit.leadLawyerName}` : null}
    </Typography.Text>
  );
}
