import { Alert, Card, Empty, Flex, Tag, Typography } from 'antd';
import { LockOutlined, WarningOutlined } from '@ant-design/icons';
import { CONFLICT_WHERE, type ConflictCheck, type ConflictHit } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../app/format';
import { ConflictHitMatter } from '../matters/ConflictHitMatter';

const WHERE_COLORS: Record<ConflictHit['where'], string> = {
  client: 'blue',
  contact: 'cyan',
  related_party: 'purple',
  opposing_party: 'red',
};

/** C-11 hits grouped by where they were found; hidden hits only say whom to ask. */
export function ConflictResult({ check }: { check: ConflictCheck }) {
  const { t } = useTranslation();
  const groups = CONFLICT_WHERE.map((where) => ({ where, hits: check.hits.filter((h) => h.where === where) })).filter((g) => g.hits.length > 0);

  return (
    <Card
      variant="borderless"
      title={t('conflicts.result')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(check.createdAt)}
        </Typography.Text>
      }
      data-testid="conflict-result"
    >
      <Flex gap={6} wrap style={{ marginBottom: 12 }}>
        {check.names.map((n) => (
          <Tag key={n} style={{ marginInlineEnd: 0 }}>
            {n}
          </Tag>
        ))}
      </Flex>
      {check.purpose ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {t('conflicts.purpose')}
          {t('client.colon')}
          {check.purpose}
        </Typography.Paragraph>
      ) : null}
      {check.hits.length === 0 ? (
        <Alert type="success" showIcon title={t('conflicts.noHits')} data-testid="conflict-no-hits" />
      ) : (
        <Flex vertical gap={16}>
          <Alert type="warning" showIcon icon={<WarningOutlined />} title={t('conflicts.hitCount', { count: check.hits.length })} />
          {groups.map((g) => (
            <div key={g.where} data-testid={`conflict-group-${g.where}`}>
              <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
                <Tag color={WHERE_COLORS[g.where]} style={{ marginInlineEnd: 0 }}>
                  {t(`conflicts.where.${g.where}`)}
                </Tag>
                <Typography.Text type="secondary">{g.hits.length}</Typography.Text>
              </Flex>
              <Flex vertical gap={8}>
                {g.hits.map((hit, i) => (
                  <HitRow key={`${hit.query}-${hit.clientId ?? ''}-${i}`} hit={hit} />
                ))}
              </Flex>
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}

function HitRow({ hit }: { hit: ConflictHit }) {
  const { t } = useTranslation();
  const box = { padding: '8px 12px', background: '#fafbfc', borderRadius: 6, border: '1px solid #f0f0f0' };
  if (!hit.visible) {
    return (
      <Flex align="center" gap={8} style={box} data-testid="conflict-hit-hidden">
        <LockOutlined style={{ color: '#d46b08' }} />
        <Typography.Text>
          {hit.ownerName ? t('conflicts.hidden', { ownerName: hit.ownerName }) : t('conflicts.hiddenNoOwner')}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ marginInlineStart: 'auto', fontSize: 12 }}>
          {t('conflicts.query', { query: hit.query })}
        </Typography.Text>
      </Flex>
    );
  }
  return (
    <Flex justify="space-between" align="center" gap={12} wrap style={box} data-testid="conflict-hit">
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        {hit.where === 'client' && hit.clientId ? (
          <Link to={`/clients/${encodeURIComponent(hit.clientId)}`} style={{ fontWeight: 600, wordBreak: 'break-all' }}>
            {hit.matchedName ?? hit.clientName}
          </Link>
        ) : (
          <Typography.Text strong style={{ wordBreak: 'break-all' }}>
            {hit.matchedName ?? hit.clientName}
          </Typography.Text>
        )}
        {hit.where !== 'client' && hit.clientId && hit.clientName ? (
          <Link to={`/clients/${encodeURIComponent(hit.clientId)}`} style={{ fontSize: 12 }}>
            {hit.clientName}
          </Link>
        ) : null}
        <ConflictHitMatter hit={hit} />
      </Flex>
      <Flex vertical align="flex-end" gap={2}>
        <Typography.Text>{t('conflicts.owner', { name: hit.ownerName ?? t('common.empty') })}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('conflicts.query', { query: hit.query })}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}

export function ConflictResultEmpty() {
  const { t } = useTranslation();
  return (
    <Card variant="borderless" title={t('conflicts.result')}>
      <Empty description={t('conflicts.resultEmpty')} />
    </Card>
  );
}
