import { useState } from 'react';
import { App, Button, Empty, Flex, Select, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { INTERACTION_KINDS, type Interaction, type InteractionKind } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/session';
import { formatDateTime } from '../../app/format';
import { CursorPager } from '../../components/CursorPager';
import { LoadError } from '../../components/ErrorResults';
import { RelativeTime } from '../../components/RelativeTime';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCursorPager } from '../../components/useCursorPager';
import { clientKeys } from '../clients/clients.api';
import { InteractionDrawer } from './InteractionDrawer';
import { interactionKeys, interactionsApi, useInteractions } from './interactions.api';
import { KIND_COLORS } from './kindColors';

const PAGE_SIZE = 20;

/** The client page's 沟通记录 tab: the client's interactions, newest first, and the entry form prefilled. */
export function InteractionsTab({ client }: { client: { id: string; name: string } }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const canLog = useCan('interactions:log');
  const [kind, setKind] = useState<InteractionKind | undefined>();
  const pager = useCursorPager(kind ?? '');
  const list = useInteractions({ clientId: client.id, kind, limit: PAGE_SIZE, cursor: pager.cursor });
  const [drawer, setDrawer] = useState<{ open: boolean; key: number; editing: Interaction | null }>({ open: false, key: 0, editing: null });
  const open = (editing: Interaction | null) => setDrawer((d) => ({ open: true, key: d.key + 1, editing }));

  function confirmDelete(i: Interaction) {
    modal.confirm({
      title: t('interactions.deleteTitle'),
      content: t('interactions.deleteContent'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-delete-interaction' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await interactionsApi.remove(i.id);
          message.success(t('interactions.deleted'));
          void queryClient.invalidateQueries({ queryKey: interactionKeys.all });
          void queryClient.invalidateQueries({ queryKey: clientKeys.detail(client.id) });
        } catch (err) {
          message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });
  }

  const items = list.data?.items ?? [];
  return (
    <div data-testid="client-interactions">
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Select<InteractionKind>
          allowClear
          placeholder={t('interactions.allKinds')}
          value={kind}
          onChange={setKind}
          options={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`interactions.kinds.${k}`) }))}
          style={{ width: 160 }}
          aria-label={t('interactions.kind')}
          data-testid="interactions-kind-filter"
        />
        {canLog ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)} data-testid="interactions-new">
            {t('interactions.log')}
          </Button>
        ) : null}
      </Flex>
      {list.error && !list.data ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <TableSkeleton />
      ) : items.length === 0 ? (
        <Empty description={kind ? t('interactions.empty') : <EmptyHint />} />
      ) : (
        <>
          <Flex vertical>
            {items.map((i) => (
              <InteractionRow key={i.id} interaction={i} onEdit={() => open(i)} onDelete={() => confirmDelete(i)} />
            ))}
          </Flex>
          <CursorPager
            total={list.data?.total}
            page={pager.page}
            hasPrev={pager.hasPrev}
            nextCursor={list.data?.nextCursor}
            onPrev={pager.prev}
            onNext={pager.next}
            testId="interactions"
          />
        </>
      )}
      <InteractionDrawer
        key={drawer.key}
        open={drawer.open}
        client={client}
        interaction={drawer.editing}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
      />
    </div>
  );
}

function EmptyHint() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4}>
      <span>{t('interactions.empty')}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('interactions.emptyHint')}
      </Typography.Text>
    </Flex>
  );
}

/** One interaction: kind, when, who, the summary, then contacts, matter and needs in small print. */
function InteractionRow({ interaction: i, onEdit, onDelete }: { interaction: Interaction; onEdit: () => void; onDelete: () => void }) {
  const { t, i18n } = useTranslation();
  const sep = i18n.language === 'en-US' ? ', ' : '、';
  const lines = [
    i.participants.length ? t('interactions.ours', { names: i.participants.map((p) => p.name).join(sep) }) : null,
    i.contacts.length ? t('interactions.theirs', { names: i.contacts.map((c) => c.name).join(sep) }) : null,
    i.matterTitle ? t('interactions.matterLine', { title: i.matterTitle }) : null,
  ].filter((l): l is string => !!l);
  return (
    <Flex vertical gap={4} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="interaction-row" data-kind={i.kind}>
      <Flex justify="space-between" align="center" gap={8}>
        <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
          <Tag color={KIND_COLORS[i.kind]} style={{ marginInlineEnd: 0 }}>
            {t(`interactions.kinds.${i.kind}`)}
          </Tag>
          <Tooltip title={formatDateTime(i.occurredAt)}>
            <Typography.Text strong>{formatDateTime(i.occurredAt)}</Typography.Text>
          </Tooltip>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('interactions.loggedBy', { name: i.createdByName ?? t('common.empty') })} · <RelativeTime iso={i.createdAt} type="secondary" />
          </Typography.Text>
        </Flex>
        {i.canEdit ? (
          <Flex style={{ flex: 'none' }}>
            <Button type="text" size="small" icon={<EditOutlined />} onClick={onEdit} aria-label={t('common.edit')} data-testid="interaction-edit" />
            <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={onDelete} aria-label={t('common.delete')} data-testid="interaction-delete" />
          </Flex>
        ) : null}
      </Flex>
      <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="interaction-summary-text">
        {i.summary}
      </Typography.Paragraph>
      {lines.length ? (
        <Flex wrap style={{ columnGap: 16, rowGap: 2, fontSize: 13, color: '#595959' }}>
          {lines.map((l) => (
            <span key={l}>{l}</span>
          ))}
        </Flex>
      ) : null}
      {i.needsDiscovered ? (
        <Typography.Text type="warning" style={{ fontSize: 13 }}>
          {t('interactions.needsLine', { text: i.needsDiscovered })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
