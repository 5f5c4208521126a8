import { App, DatePicker, Form, Input, Modal, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Matter, Standard, StandardStatus } from '@retainer/shared';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FIRM_TIME_ZONE, formatDate, formatDateTime } from '../../app/format';
import { applyServerErrors } from '../../components/formErrors';
import { standardKeys, standardsApi } from './standards.api';

// One colour per state across the app: overdue red, due soon orange (UI.md).
const STATUS_COLORS: Record<StandardStatus, string> = { open: 'blue', done: 'success', breached: 'error', cancelled: 'default' };
const DUE_SOON_MS = 2 * 86_400_000;

export const isDueSoon = (s: Pick<Standard, 'status' | 'dueAt'>) => s.status === 'open' && new Date(s.dueAt).getTime() - Date.now() < DUE_SOON_MS;

export function StandardStatusTag({ standard }: { standard: Pick<Standard, 'status' | 'dueAt'> }) {
  const { t } = useTranslation();
  const soon = isDueSoon(standard);
  return (
    <Tag color={soon ? 'warning' : STATUS_COLORS[standard.status]} style={{ marginInlineEnd: 0 }} data-testid="standard-status" data-status={standard.status}>
      {soon ? t('standards.dueSoon') : t(`standards.statuses.${standard.status}`)}
    </Tag>
  );
}

/** The obligation in words: its kind, plus the week of a brief or the adverse event's description. */
export function StandardLabel({ standard: s }: { standard: Standard }) {
  const { t } = useTranslation();
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Text strong>{t(`standards.kinds.${s.kind}`)}</Typography.Text>
      {s.weekOf ? (
        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
          {t('standards.weekOf', { date: s.weekOf })}
        </Typography.Text>
      ) : null}
      {s.adverseEvent ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }} ellipsis={{ rows: 2, tooltip: s.adverseEvent.description }}>
          {s.adverseEvent.description} · {t('standards.adverse.occurred', { time: formatDateTime(s.adverseEvent.occurredAt) })}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}

export const formatDue = (iso: string) => {
  // "end of day" deadlines read as the day itself
  const d = dayjs(iso).tz(FIRM_TIME_ZONE);
  return d.format('HH:mm') === '23:59' ? `${formatDate(iso)} 24:00` : formatDateTime(iso);
};

/** The picker shows firm wall-clock time; the API takes an instant. */
const nowInFirm = () => dayjs(dayjs().tz(FIRM_TIME_ZONE).format('YYYY-MM-DD HH:mm'));
const toInstant = (v: Dayjs) => dayjs.tz(v.format('YYYY-MM-DD HH:mm'), FIRM_TIME_ZONE).toISOString();
const isFuture = (d: Dayjs) => d.isAfter(nowInFirm(), 'minute');

function useRefresh(matterId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: standardKeys.matter(matterId) });
    void queryClient.invalidateQueries({ queryKey: ['standards', 'firm'] });
  };
}

interface CompleteValues {
  doneAt: Dayjs;
  note?: string;
}

/** Marks one obligation done; the time can be set back to when it really happened. */
export function CompleteStandardModal({ matter, standard, onClose }: { matter: Matter; standard: Standard | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CompleteValues>();
  const refresh = useRefresh(matter.id);
  // for an adverse event, "done" is the time the client was told
  const adverse = standard?.kind === 'adverse_event';
  const timeLabel = adverse ? t('standards.adverse.notifiedAt') : t('standards.doneAtLabel');
  const mutation = useMutation({
    mutationFn: (v: CompleteValues) => standardsApi.complete(matter.id, standard!.id, { doneAt: toInstant(v.doneAt), note: v.note?.trim() || null }),
    onSuccess: () => {
      message.success(t('standards.completed'));
      refresh();
      onClose();
    },
    onError: (err) => applyServerErrors(err, form, ['doneAt', 'note'], (text) => message.error(text)),
  });
  return (
    <Modal
      open={standard !== null}
      title={standard ? (adverse ? t('standards.adverse.recordNotified') : t('standards.completeTitle', { kind: t(`standards.kinds.${standard.kind}`) })) : null}
      okText={adverse ? t('common.save') : t('standards.complete')}
      okButtonProps={{ loading: mutation.isPending, 'data-testid': 'standard-complete-confirm' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="standard-complete-modal"
    >
      <Form<CompleteValues> form={form} layout="vertical" initialValues={{ doneAt: nowInFirm() }} onFinish={(v) => mutation.mutate(v)} disabled={mutation.isPending}>
        {standard?.adverseEvent ? <Typography.Paragraph type="secondary">{standard.adverseEvent.description}</Typography.Paragraph> : null}
        <Form.Item name="doneAt" label={timeLabel} extra={t('standards.doneAtHint')} rules={[{ required: true, message: t('validation.select', { label: timeLabel }) }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(nowInFirm(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('standards.note')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} placeholder={t('standards.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AdverseValues {
  description: string;
  occurredAt: Dayjs;
  notifiedAt?: Dayjs | null;
}

/** M-4: an adverse event with its time and when the client was told (may come later). */
export function AdverseEventModal({ matter, open, onClose }: { matter: Matter; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdverseValues>();
  const refresh = useRefresh(matter.id);
  const mutation = useMutation({
    mutationFn: (v: AdverseValues) =>
      standardsApi.recordAdverse(matter.id, {
        description: v.description.trim(),
        occurredAt: toInstant(v.occurredAt),
        ...(v.notifiedAt ? { notifiedAt: toInstant(v.notifiedAt) } : {}),
      }),
    onSuccess: () => {
      message.success(t('standards.adverse.recorded'));
      refresh();
      onClose();
    },
    onError: (err) => applyServerErrors(err, form, ['description', 'occurredAt', 'notifiedAt'], (text) => message.error(text)),
  });
  const picker = { showTime: { format: 'HH:mm' }, format: 'YYYY-MM-DD HH:mm', style: { width: '100%' }, disabledDate: (d: Dayjs) => d.isAfter(nowInFirm(), 'day') };
  return (
    <Modal
      open={open}
      title={t('standards.adverse.title')}
      okText={t('common.save')}
      okButtonProps={{ loading: mutation.isPending, 'data-testid': 'adverse-event-save' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="adverse-event-modal"
    >
      <Form<AdverseValues> form={form} layout="vertical" initialValues={{ occurredAt: nowInFirm() }} onFinish={(v) => mutation.mutate(v)} disabled={mutation.isPending}>
        <Form.Item name="description" label={t('standards.adverse.description')} rules={[{ required: true, whitespace: true, message: t('validation.required', { label: t('standards.adverse.description') }) }, { max: 1000 }]}>
          <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('standards.adverse.descriptionPlaceholder')} data-testid="adverse-event-description" />
        </Form.Item>
        <Form.Item
          name="occurredAt"
          label={t('standards.adverse.occurredAt')}
          rules={[
            { required: true, message: t('validation.select', { label: t('standards.adverse.occurredAt') }) },
            { validator: (_, v: Dayjs | undefined) => (v && isFuture(v) ? Promise.reject(new Error(t('standards.adverse.notFuture'))) : Promise.resolve()) },
          ]}
        >
          <DatePicker {...picker} allowClear={false} data-testid="adverse-event-occurred" />
        </Form.Item>
        <Form.Item
          name="notifiedAt"
          label={t('standards.adverse.notifiedAt')}
          extra={t('standards.adverse.notifiedHint')}
          dependencies={['occurredAt']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: Dayjs | null | undefined) => {
                if (!v) return Promise.resolve();
                if (isFuture(v)) return Promise.reject(new Error(t('standards.adverse.notFuture')));
                const occurred = getFieldValue('occurredAt') as Dayjs | undefined;
                return occurred && v.isBefore(occurred, 'minute') ? Promise.reject(new Error(t('standards.adverse.notBeforeEvent'))) : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker {...picker} data-testid="adverse-event-notified" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
