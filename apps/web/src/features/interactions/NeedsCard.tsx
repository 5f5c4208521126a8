import { useState } from 'react';
import { App, AutoComplete, Button, Card, Dropdown, Empty, Flex, Form, Input, Modal, Skeleton, Tag, Typography } from 'antd';
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { NEED_STATUSES, type Need, type NeedStatus } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/session';
import { formatDate } from '../../app/format';
import { applyServerErrors } from '../../components/formErrors';
import { clientKeys } from '../clients/clients.api';
import { interactionsApi, useNeeds } from './interactions.api';

const STATUS_COLORS: Record<NeedStatus, string> = { open: 'orange', offered: 'blue', won: 'green', declined: 'default' };
const AREAS = ['contract', 'labour', 'ip', 'corporate', 'compliance', 'disputes', 'tax', 'data'] as const;
const settled = (n: Need) => n.status === 'won' || n.status === 'declined';

/** I-3 需求档案 on the client page: open needs first, each status change one click (kept on the timeline). */
export function NeedsCard({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canLog = useCan('interactions:log');
  const needs = useNeeds(clientId);
  const [adding, setAdding] = useState(false);
  const [showSettled, setShowSettled] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: clientKeys.detail(clientId) });

  const change = useMutation({
    mutationFn: ({ need, status }: { need: Need; status: NeedStatus }) => interactionsApi.updateNeed(need.id, { status }),
    onSuccess: (n) => {
      message.success(t('interactions.needs.statusChanged', { status: t(`interactions.needs.statuses.${n.status}`) }));
      refresh();
    },
    onError: (err) => message.error(err instanceof Error ? err.message : String(err)),
  });

  const all = needs.data?.items ?? [];
  const active = all.filter((n) => !settled(n));
  const done = all.filter(settled);
  const shown = showSettled ? all : active;

  return (
    <Card
      variant="borderless"
      size="small"
      title={t('interactions.needs.title')}
      extra={
        canLog ? (
          <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="needs-add">
            {t('interactions.needs.add')}
          </Button>
        ) : null
      }
      data-testid="client-needs"
    >
      {needs.isPending ? (
        <Skeleton active title={false} paragraph={{ rows: 3 }} />
      ) : shown.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          style={{ margin: '8px 0' }}
          description={
            <Flex vertical gap={2}>
              <span>{t('interactions.needs.empty')}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('interactions.needs.emptyHint')}
              </Typography.Text>
            </Flex>
          }
        />
      ) : (
        <Flex vertical gap={12}>
          {shown.map((n) => (
            <Flex key={n.id} vertical gap={4} data-testid="need-item" data-status={n.status}>
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text strong style={{ minWidth: 0 }} ellipsis>
                  {n.area}
                </Typography.Text>
                {canLog ? (
                  <Dropdown
                    trigger={['click']}
                    menu={{
                      items: NEED_STATUSES.filter((s) => s !== n.status).map((s) => ({
                        key: s,
                        label: <span data-testid={`need-mark-${s}`}>{t(`interactions.needs.statuses.${s}`)}</span>,
                      })),
                      onClick: ({ key }) => change.mutate({ need: n, status: key as NeedStatus }),
                    }}
                  >
                    <Tag color={STATUS_COLORS[n.status]} style={{ cursor: 'pointer', marginInlineEnd: 0 }} data-testid="need-status">
                      {t(`interactions.needs.statuses.${n.status}`)} <DownOutlined style={{ fontSize: 10 }} />
                    </Tag>
                  </Dropdown>
                ) : (
                  <Tag color={STATUS_COLORS[n.status]} style={{ marginInlineEnd: 0 }}>
                    {t(`interactions.needs.statuses.${n.status}`)}
                  </Tag>
                )}
              </Flex>
              <Typography.Text style={{ wordBreak: 'break-word' }}>{n.description}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`interactions.needs.sources.${n.source}`)} · {n.createdByName ?? t('common.empty')} · {formatDate(n.createdAt)}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
      {done.length ? (
        <Button type="link" size="small" style={{ paddingInline: 0, marginTop: 8 }} onClick={() => setShowSettled((v) => !v)} data-testid="needs-toggle-settled">
          {showSettled ? t('interactions.needs.hideClosed') : t('interactions.needs.closed', { count: done.length })}
        </Button>
      ) : null}
      <AddNeedModal clientId={clientId} open={adding} onClose={() => setAdding(false)} onSaved={refresh} />
    </Card>
  );
}

function AddNeedModal({ clientId, open, onClose, onSaved }: { clientId: string; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ area: string; description: string }>();
  const save = useMutation({
    mutationFn: (v: { area: string; description: string }) => interactionsApi.createNeed(clientId, { area: v.area.trim(), description: v.description.trim(), source: 'other' }),
    onSuccess: () => {
      message.success(t('interactions.needs.created'));
      form.resetFields();
      onSaved();
      onClose();
    },
    onError: (err) => applyServerErrors(err, form, ['area', 'description'], (text) => message.error(text)),
  });
  const required = (label: string) => ({ required: true, whitespace: true, message: t('validation.required', { label }) });
  return (
    <Modal
      open={open}
      title={t('interactions.needs.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'need-save' }}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} preserve={false}>
        <Form.Item name="area" label={t('interactions.needArea')} rules={[required(t('interactions.needArea')), { max: 50 }]}>
          <AutoComplete options={AREAS.map((a) => ({ value: t(`interactions.needs.areas.${a}`) }))} placeholder={t('interactions.needs.areaPlaceholder')} data-testid="need-area" />
        </Form.Item>
        <Form.Item name="description" label={t('interactions.needDescription')} rules={[required(t('interactions.needDescription')), { max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} data-testid="need-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
