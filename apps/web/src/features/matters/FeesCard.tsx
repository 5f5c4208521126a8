import { useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Fee, Matter } from '@retainer/shared';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/session';
import { CursorPager } from '../../components/CursorPager';
import { FormDrawer } from '../../components/FormDrawer';
import { LoadError } from '../../components/ErrorResults';
import { applyServerErrors } from '../../components/formErrors';
import { useCursorPager } from '../../components/useCursorPager';
import { clientKeys } from '../clients/clients.api';
import { renameFieldErrors } from '../clients/clientForm';
import { formatFen, yuanToFen } from '../clients/clientFormat';
import { firmToday, isFutureDay } from './matterForm';
import { matterKeys, mattersApi, useFees } from './matters.api';

const PAGE_SIZE = 20;

/** M-2: the matter's receipts in ¥ with their total; adding and deleting are audited. */
export function FeesCard({ matter }: { matter: Matter }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useCan('matters:write');
  const pager = useCursorPager(matter.id);
  const fees = useFees(matter.id, { limit: PAGE_SIZE, cursor: pager.cursor });
  const [drawer, setDrawer] = useState({ open: false, key: 0 });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: matterKeys.all });
    void queryClient.invalidateQueries({ queryKey: clientKeys.detail(matter.clientId) });
  };

  function confirmDelete(fee: Fee) {
    modal.confirm({
      title: t('matters.fees.deleteTitle', { amount: formatFen(fee.amountFen) }),
      content: t('matters.fees.deleteContent'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-delete-fee' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await mattersApi.removeFee(matter.id, fee.id);
          message.success(t('matters.fees.deleted'));
          refresh();
        } catch (err) {
          message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });
  }

  const dash = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  const total = fees.data?.totalFen ?? matter.feesTotalFen;
  return (
    <Card
      variant="borderless"
      title={t('matters.fees.title')}
      data-testid="matter-fees"
      extra={
        canWrite ? (
          <Button icon={<PlusOutlined />} onClick={() => setDrawer((d) => ({ open: true, key: d.key + 1 }))} data-testid="fees-new">
            {t('matters.fees.add')}
          </Button>
        ) : null
      }
    >
      <Flex justify="space-between" align="baseline" wrap gap={8} style={{ marginBottom: 12 }}>
        <span>
          <Typography.Text type="secondary">{t('matters.fees.total')}{t('matters.detail.colon')}</Typography.Text>
          <Typography.Text strong style={{ fontSize: 20 }} data-testid="fees-total">
            {formatFen(total)}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {t('matters.fees.count', { count: fees.data?.total ?? matter.feesCount })}
          </Typography.Text>
        </span>
        {matter.agreedFeeFen ? (
          <Typography.Text type="secondary">
            {t('matters.detail.feeProgress', { received: formatFen(total), agreed: formatFen(matter.agreedFeeFen) })}
          </Typography.Text>
        ) : null}
      </Flex>
      {fees.error && !fees.data ? (
        <LoadError error={fees.error} onRetry={() => void fees.refetch()} />
      ) : (
        <Table<Fee>
          rowKey="id"
          size="small"
          loading={fees.isFetching}
          dataSource={fees.data?.items ?? []}
          pagination={false}
          scroll={{ x: 560 }}
          locale={{ emptyText: t('matters.fees.empty') }}
          data-testid="fees-table"
          onRow={(f) => ({ 'data-testid': `fee-row-${f.receivedOn}` }) as object}
          columns={[
            { key: 'receivedOn', title: t('matters.fees.receivedOn'), dataIndex: 'receivedOn', width: 120 },
            { key: 'amount', title: t('matters.fees.amount'), dataIndex: 'amountFen', width: 150, align: 'right', render: (v: number) => formatFen(v) },
            { key: 'note', title: t('matters.fees.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? dash },
            { key: 'by', title: t('matters.fees.createdBy'), dataIndex: 'createdByName', width: 110, ellipsis: true, render: (v: string | null) => v ?? dash },
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    width: 80,
                    render: (_: unknown, f: Fee) => (
                      <Button type="link" size="small" danger onClick={() => confirmDelete(f)} data-testid="fee-delete">
                        {t('common.delete')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {(fees.data?.total ?? 0) > PAGE_SIZE ? (
        <CursorPager total={fees.data?.total} page={pager.page} hasPrev={pager.hasPrev} nextCursor={fees.data?.nextCursor} onPrev={pager.prev} onNext={pager.next} />
      ) : null}
      <FeeFormDrawer key={drawer.key} open={drawer.open} matter={matter} onClose={() => setDrawer((d) => ({ ...d, open: false }))} onSaved={refresh} />
    </Card>
  );
}

interface FeeValues {
  amountYuan: number | null;
  receivedOn: Dayjs;
  note?: string;
}

function FeeFormDrawer({ open, matter, onClose, onSaved }: { open: boolean; matter: Matter; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FeeValues>();
  const mutation = useMutation({
    mutationFn: (v: FeeValues) =>
      mattersApi.addFee(matter.id, { amountFen: yuanToFen(v.amountYuan) ?? 0, receivedOn: v.receivedOn.format('YYYY-MM-DD'), note: v.note?.trim() || null }),
    onSuccess: (fee) => {
      message.success(t('matters.fees.added', { amount: formatFen(fee.amountFen) }));
      onSaved();
      onClose();
    },
    onError: (err) => applyServerErrors(renameFieldErrors(err, { amountFen: 'amountYuan' }), form, ['amountYuan', 'receivedOn', 'note'], (text) => message.error(text)),
  });
  return (
    <FormDrawer<FeeValues>
      open={open}
      title={t('matters.fees.add')}
      form={form}
      initialValues={{ receivedOn: firmToday() }}
      submitting={mutation.isPending}
      onSubmit={(v) => mutation.mutate(v)}
      onClose={onClose}
      testId="fee-form"
      width={420}
    >
      {matter.status === 'closed' ? <Typography.Paragraph type="secondary">{t('matters.fees.lateHint')}</Typography.Paragraph> : null}
      <Form.Item
        name="amountYuan"
        label={t('matters.fees.amount')}
        rules={[
          { required: true, message: t('matters.fees.amountRequired') },
          { type: 'number', min: 0.01, message: t('matters.fees.amountMin') },
        ]}
      >
        <InputNumber<number> autoFocus min={0} precision={2} style={{ width: '100%' }} suffix={t('matters.form.yuan')} data-testid="fee-form-amount" />
      </Form.Item>
      <Form.Item name="receivedOn" label={t('matters.fees.receivedOn')} rules={[{ required: true, message: t('validation.select', { label: t('matters.fees.receivedOn') }) }]}>
        <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => isFutureDay(d) || d.isBefore(matter.openedOn, 'day')} data-testid="fee-form-receivedOn" />
      </Form.Item>
      <Form.Item name="note" label={t('matters.fees.note')} rules={[{ max: 500 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="fee-form-note" />
      </Form.Item>
    </FormDrawer>
  );
}
