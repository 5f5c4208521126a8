import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Form, Input, Modal, Select, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RELATIONSHIP_ROLES, type Relationship } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/auth/session';
import { applyServerErrors } from '../../components/formErrors';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { clientKeys, useClientSearch } from './clients.api';
import { relationshipsApi, useRelationships } from './related.api';

const ROLE_COLORS: Record<Relationship['role'], string> = {
  parent: 'geekblue',
  subsidiary: 'blue',
  affiliate: 'cyan',
  family: 'magenta',
  business_partner: 'green',
  referred_by: 'gold',
  referrer: 'orange',
};

/** C-7: relationships in both directions; a client the viewer may not see stays anonymous. */
export function RelationshipsCard({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const canUpdate = useCan('clients:update');
  const rels = useRelationships(clientId);
  const [adding, setAdding] = useState(false);

  function confirmRemove(rel: Relationship) {
    const name = rel.otherClientName ?? t('relationships.hidden');
    modal.confirm({
      title: t('relationships.removeTitle', { name }),
      content: t('relationships.removeContent'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-remove-relationship' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await relationshipsApi.remove(clientId, rel.id);
          message.success(t('relationships.removed'));
          void queryClient.invalidateQueries({ queryKey: clientKeys.detail(clientId) });
        } catch (err) {
          message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });
  }

  return (
    <Card
      variant="borderless"
      size="small"
      title={t('relationships.title')}
      extra={
        canUpdate ? (
          <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="relationships-add">
            {t('relationships.add')}
          </Button>
        ) : null
      }
      data-testid="client-relationships"
    >
      {rels.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 3 }} />
      ) : (rels.data ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('relationships.empty')} style={{ margin: '8px 0' }} />
      ) : (
        <Flex vertical gap={10}>
          {(rels.data ?? []).map((rel) => (
            <Flex key={rel.id} justify="space-between" align="flex-start" gap={8} data-testid="relationship-item">
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={6} align="center" wrap>
                  <Tag color={ROLE_COLORS[rel.role]} style={{ marginInlineEnd: 0 }}>
                    {t(`relationships.roles.${rel.role}`)}
                  </Tag>
                  {rel.otherClientName ? (
                    <Link to={`/clients/${encodeURIComponent(rel.otherClientId)}`} style={{ wordBreak: 'break-all' }}>
                      {rel.otherClientName}
                    </Link>
                  ) : (
                    <Typography.Text type="secondary">
                      <LockOutlined /> {t('relationships.hidden')}
                    </Typography.Text>
                  )}
                </Flex>
                {rel.note ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-word' }}>
                    {rel.note}
                  </Typography.Text>
                ) : null}
              </Flex>
              {canUpdate ? (
                <Tooltip title={t('common.delete')}>
                  <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => confirmRemove(rel)} />
                </Tooltip>
              ) : null}
            </Flex>
          ))}
        </Flex>
      )}
      <AddRelationshipModal clientId={clientId} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}

interface RelValues {
  otherClientId: string;
  role: Relationship['role'];
  note?: string;
}

function AddRelationshipModal({ clientId, open, onClose }: { clientId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RelValues>();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const found = useClientSearch(q, 10);
  const mutation = useMutation({
    mutationFn: (v: RelValues) => relationshipsApi.create(clientId, { otherClientId: v.otherClientId, role: v.role, note: v.note?.trim() || null }),
    onSuccess: () => {
      message.success(t('relationships.added'));
      void queryClient.invalidateQueries({ queryKey: clientKeys.detail(clientId) });
      onClose();
    },
    onError: (err) => applyServerErrors(err, form, ['otherClientId', 'role', 'note'], (text) => message.error(text)),
  });

  return (
    <Modal
      open={open}
      title={t('relationships.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'relationship-submit' }}
      data-testid="relationship-modal"
    >
      <Form<RelValues> form={form} layout="vertical" preserve={false} onFinish={(v) => mutation.mutate(v)}>
        <Form.Item
          name="otherClientId"
          label={t('relationships.otherClient')}
          rules={[{ required: true, message: t('validation.select', { label: t('relationships.otherClient') }) }]}
        >
          <Select<string>
            showSearch={{ filterOption: false, onSearch: setSearch }}
            placeholder={t('relationships.otherClientPlaceholder')}
            loading={found.isFetching}
            notFoundContent={q ? t('search.noResults') : null}
            options={(found.data?.items ?? []).filter((c) => c.id !== clientId).map((c) => ({ value: c.id, label: c.name }))}
            data-testid="relationship-client"
          />
        </Form.Item>
        <Form.Item name="role" label={t('relationships.role')} rules={[{ required: true, message: t('validation.select', { label: t('relationships.role') }) }]}>
          <Select options={RELATIONSHIP_ROLES.map((r) => ({ value: r, label: t(`relationships.roles.${r}`) }))} data-testid="relationship-role" />
        </Form.Item>
        <Form.Item name="note" label={t('relationships.note')} rules={[{ max: 500, message: t('validation.max', { label: t('relationships.note'), max: 500 }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
