import { App, Button, Card, Dropdown, Flex, Typography } from 'antd';
import {
  DownOutlined,
  EditOutlined,
  EllipsisOutlined,
  LinkOutlined,
  RollbackOutlined,
  StopOutlined,
  SwapOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { Client } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/session';
import type { ClientAction } from './ClientActionModals';
import { GradeTag, KindIcon, StatusTag, TierTag } from './ClientTags';

interface ClientHeaderProps {
  client: Client;
  onEdit: () => void;
  onAction: (action: ClientAction) => void;
}

/** UI.md 360 header: name, kind icon, grade/tier/status tags, owner and client manager, main actions. */
export function ClientHeader({ client, onEdit, onAction }: ClientHeaderProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canUpdate = useCan('clients:update');
  const canTransfer = useCan('clients:transfer');
  const canClassify = useCan('clients:classify');
  const closed = client.status === 'lost' || client.status === 'dismissed';

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(window.location.href);
      message.success(t('client.linkCopied'));
    } catch {
      message.warning(t('common.copyFailed'));
    }
  }

  const moreItems = [
    ...(canClassify && client.statusManual
      ? [{ key: 'restore', icon: <RollbackOutlined />, label: <span data-testid="client-restore-status">{t('client.restoreStatus')}</span> }]
      : []),
    { key: 'copy', icon: <LinkOutlined />, label: t('client.copyLink') },
  ];

  return (
    <Card variant="borderless" styles={{ body: { padding: '20px 24px' } }} data-testid="client-header">
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <Flex vertical gap={8} style={{ minWidth: 0, flex: '1 1 360px' }}>
          <Flex align="center" gap={10} wrap style={{ minWidth: 0 }}>
            <span
              style={{
                width: 40,
                height: 40,
                borderRadius: 8,
                background: '#eef3fa',
                display: 'inline-flex',
                alignItems: 'center',
                justifyContent: 'center',
                flex: 'none',
              }}
            >
              <KindIcon kind={client.kind} size={20} />
            </span>
            <Typography.Title level={3} style={{ margin: 0, minWidth: 0, wordBreak: 'break-all' }} data-testid="client-title">
              {client.name}
            </Typography.Title>
            <Flex gap={6} wrap>
              <GradeTag grade={client.grade} manual={client.gradeManual} hint={client.gradeReason ? t('client.manualGradeHint', { reason: client.gradeReason }) : null} />
              <TierTag tier={client.tier} />
              <StatusTag status={client.status} manual={client.statusManual} hint={client.statusReason ? t('client.manualStatusHint', { reason: client.statusReason }) : null} />
            </Flex>
          </Flex>
          <Flex gap={20} wrap style={{ color: '#595959' }}>
            <span>
              <Typography.Text type="secondary">{t('client.owner')}{t('client.colon')}</Typography.Text>
              <Typography.Text data-testid="client-owner">{client.ownerName ?? t('common.empty')}</Typography.Text>
            </span>
            <span>
              <Typography.Text type="secondary">{t('client.manager')}{t('client.colon')}</Typography.Text>
              <Typography.Text>{client.managerName ?? t('client.noManager')}</Typography.Text>
            </span>
            {client.teamName ? (
              <span>
                <Typography.Text type="secondary">{t('client.team')}{t('client.colon')}</Typography.Text>
                <Typography.Text>{client.teamName}</Typography.Text>
              </span>
            ) : null}
          </Flex>
        </Flex>
        <Flex gap={8} wrap>
          {canUpdate ? (
            <Button type="primary" icon={<EditOutlined />} onClick={onEdit} data-testid="client-edit">
              {t('client.edit')}
            </Button>
          ) : null}
          {canTransfer ? (
            <Button icon={<SwapOutlined />} onClick={() => onAction({ kind: 'transfer' })} data-testid="client-transfer">
              {t('client.transfer')}
            </Button>
          ) : null}
          {canClassify ? (
            <Button icon={<TrophyOutlined />} onClick={() => onAction({ kind: 'grade' })} data-testid="client-grade">
              {t('client.grade')}
            </Button>
          ) : null}
          {canClassify && !closed ? (
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'lost', label: <span data-testid="client-mark-lost">{t('client.markLost')}</span> },
                  { key: 'dismissed', label: <span data-testid="client-mark-dismissed">{t('client.markDismissed')}</span> },
                ],
                onClick: ({ key }) => onAction({ kind: 'status', status: key === 'lost' ? 'lost' : 'dismissed' }),
              }}
            >
              <Button danger icon={<StopOutlined />} data-testid="client-status-menu">
                {t('client.markLost')}/{t('client.markDismissed')} <DownOutlined style={{ fontSize: 10 }} />
              </Button>
            </Dropdown>
          ) : null}
          <Dropdown
            trigger={['click']}
            menu={{
              items: moreItems,
              onClick: ({ key }) => {
                if (key === 'restore') onAction({ kind: 'status', status: null });
                if (key === 'copy') void copyLink();
              },
            }}
          >
            <Button icon={<EllipsisOutlined />} aria-label={t('client.more')} data-testid="client-more" />
          </Dropdown>
        </Flex>
      </Flex>
    </Card>
  );
}
