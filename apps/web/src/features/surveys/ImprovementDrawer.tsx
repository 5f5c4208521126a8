import { App, DatePicker, Form, Input, Select, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IMPROVEMENT_STATUSES, type ImprovementItem, type ImprovementStatus } from '@retainer/shared';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../components/FormDrawer';
import { applyServerErrors } from '../../components/formErrors';
import { ClientPicker } from '../interactions/ClientPicker';
import { usePeopleOptions } from '../clients/usePeopleOptions';
import { surveyKeys, surveysApi } from './surveys.api';

type Values = {
  clientId: string;
  title: string;
  change: string;
  ownerId: string;
  dueOn?: Dayjs | null;
  status?: ImprovementStatus;
  clientTold?: boolean;
  clientToldAt?: Dayjs | null;
};
const FIELDS = ['clientId', 'title', 'change', 'ownerId', 'dueOn', 'status', 'clientTold', 'clientToldAt'] as const;

interface Props {
  open: boolean;
  onClose: () => void;
  /** editing this item; otherwise a new one */
  item?: ImprovementItem | null;
  /** a new item's client and response (from a response's page) */
  client?: { id: string; name: string } | null;
  responseId?: string | null;
}

/** V-4 改进计划: what changes, who owns it, by when, and whether and when the client was told. */
export function ImprovementDrawer({ open, onClose, item, client, responseId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const people = usePeopleOptions(item ? [{ value: item.ownerId, label: item.ownerName ?? '' }] : []);
  const told = Form.useWatch('clientTold', form);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const dueOn = v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null;
      if (item) {
        return surveysApi.updateImprovement(item.id, {
          title: v.title,
          change: v.change,
          ownerId: v.ownerId,
          dueOn,
          ...(v.status ? { status: v.status } : {}),
          clientTold: !!v.clientTold,
          ...(v.clientTold && v.clientToldAt ? { clientToldAt: v.clientToldAt.toISOString() } : {}),
        });
      }
      return surveysApi.createImprovement({ clientId: v.clientId ?? client?.id, responseId: responseId ?? null, title: v.title, change: v.change, ownerId: v.ownerId, dueOn });
    },
    onSuccess: () => {
      message.success(t('surveys.improvements.saved'));
      void queryClient.invalidateQueries({ queryKey: surveyKeys.all });
      onClose();
    },
    onError: (err) => applyServerErrors(err, form, FIELDS, (text) => message.error(text)),
  });

  return (
    <FormDrawer<Values>
      open={open}
      title={item ? t('surveys.improvements.editTitle') : t('surveys.improvements.createTitle')}
      form={form}
      submitting={save.isPending}
      onSubmit={(v) => save.mutate(v)}
      onClose={onClose}
      testId="improvement-drawer"
      initialValues={
        item
          ? {
              title: item.title,
              change: item.change,
              ownerId: item.ownerId,
              dueOn: item.dueOn ? dayjs(item.dueOn) : null,
              status: item.status,
              clientTold: item.clientTold,
              clientToldAt: item.clientToldAt ? dayjs(item.clientToldAt) : null,
            }
          : {}
      }
    >
      {item || client ? null : (
        <Form.Item name="clientId" label={t('surveys.fields.client')} rules={[{ required: true, message: t('surveys.send.pickClient') }]}>
          <ClientPicker />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('surveys.improvements.fields.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input placeholder={t('surveys.improvements.titlePlaceholder')} data-testid="improvement-title" />
      </Form.Item>
      <Form.Item name="change" label={t('surveys.improvements.fields.change')} rules={[{ required: true, whitespace: true, max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('surveys.improvements.changePlaceholder')} data-testid="improvement-change" />
      </Form.Item>
      <Form.Item name="ownerId" label={t('surveys.improvements.fields.owner')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" options={people.options} loading={people.loading} data-testid="improvement-owner" />
      </Form.Item>
      <Form.Item name="dueOn" label={t('surveys.improvements.fields.dueOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      {item ? (
        <>
          <Form.Item name="status" label={t('surveys.improvements.fields.status')}>
            <Select options={IMPROVEMENT_STATUSES.map((s) => ({ value: s, label: t(`surveys.improvements.statuses.${s}`) }))} />
          </Form.Item>
          <Form.Item name="clientTold" label={t('surveys.improvements.fields.clientTold')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {told ? (
            <Form.Item name="clientToldAt" label={t('surveys.improvements.fields.clientToldAt')} extra={t('surveys.improvements.toldHint')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} />
            </Form.Item>
          ) : null}
        </>
      ) : null}
    </FormDrawer>
  );
}
