import { useState } from 'react';
import { App, Button, Empty, Flex, Form, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IMPORTANT_DATE_KINDS, type ImportantDate } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/session';
import { formatDate } from '../../app/format';
import { LoadError } from '../../components/ErrorResults';
import { FormDrawer } from '../../components/FormDrawer';
import { applyServerErrors } from '../../components/formErrors';
import { TableSkeleton } from '../../components/TableSkeleton';
import { CalendarDateInput, toCalendarDate, type CalendarDateValue } from './CalendarDateInput';
import { clientKeys } from './clients.api';
import { renameFieldErrors } from './clientForm';
import { daysUntil, formatCalendarDate } from './clientFormat';
import { datesApi, useContacts, useImportantDates } from './related.api';

// C-5: birthdays and founding days come from the client and contact records and are edited there
const DERIVED = /^(client-birthday|founding-day|contact-birthday):/;

const KIND_COLORS: Record<ImportantDate['kind'], string> = {
  birthday: 'magenta',
  wedding_anniversary: 'red',
  founding_day: 'blue',
  custom: 'default',
};

export function ImportantDatesTab({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const canUpdate = useCan('clients:update');
  const dates = useImportantDates(clientId);
  const [drawer, setDrawer] = useState<{ open: boolean; date: ImportantDate | null; key: number }>({ open: false, date: null, key: 0 });
  const open = (date: ImportantDate | null) => setDrawer((d) => ({ open: true, date, key: d.key + 1 }));
  const sorted = [...(dates.data ?? [])].sort((a, b) => (a.nextOccurrence ?? '9999').localeCompare(b.nextOccurrence ?? '9999'));

  function confirmDelete(date: ImportantDate) {
    modal.confirm({
      title: t('dates.deleteTitle'),
      content: t('dates.deleteContent'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-delete-date' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await datesApi.remove(clientId, date.id);
          message.success(t('dates.deleted'));
          void queryClient.invalidateQueries({ queryKey: clientKeys.detail(clientId) });
        } catch (err) {
          message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });
  }

  return (
    <div data-testid="client-dates">
      {canUpdate ? (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => open(null)} data-testid="dates-new">
            {t('dates.new')}
          </Button>
        </Flex>
      ) : null}
      {dates.error && !dates.data ? (
        <LoadError error={dates.error} onRetry={() => void dates.refetch()} />
      ) : dates.isPending ? (
        <TableSkeleton />
      ) : (
        sorted.length === 0 ? (
          <Empty description={t('dates.empty')} />
        ) : (
          <Flex vertical>
            {sorted.map((d) => (
              <DateRow key={d.id} date={d} canUpdate={canUpdate} onEdit={() => open(d)} onDelete={() => confirmDelete(d)} />
            ))}
          </Flex>
        )
      )}
      <ImportantDateDrawer
        key={drawer.key}
        clientId={clientId}
        open={drawer.open}
        date={drawer.date}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
      />
    </div>
  );
}

interface DateRowProps {
  date: ImportantDate;
  canUpdate: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

function DateRow({ date: d, canUpdate, onEdit, onDelete }: DateRowProps) {
  const { t, i18n } = useTranslation();
  const days = d.nextOccurrence ? daysUntil(d.nextOccurrence) : null;
  return (
    <Flex justify="space-between" align="center" gap={12} wrap style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="date-row">
      <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 220px' }}>
        <Flex align="center" gap={8} wrap>
          <Tag color={KIND_COLORS[d.kind]} style={{ marginInlineEnd: 0 }}>
            {t(`dates.kinds.${d.kind}`)}
          </Tag>
          <Typography.Text strong>{d.label ?? d.contactName ?? t('dates.theClient')}</Typography.Text>
          {d.label && d.contactName ? <Typography.Text type="secondary">{d.contactName}</Typography.Text> : null}
        </Flex>
        <Typography.Text type="secondary">{formatCalendarDate(t, i18n.language, d)}</Typography.Text>
      </Flex>
      <Flex align="center" gap={12} style={{ flex: 'none' }}>
        {d.nextOccurrence && days !== null ? (
          <Flex vertical align="flex-end" gap={0}>
            <Typography.Text>{formatDate(d.nextOccurrence)}</Typography.Text>
            <Typography.Text type={days <= 7 ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
              {days <= 0 ? t('dates.today') : t('dates.inDays', { count: days })}
            </Typography.Text>
          </Flex>
        ) : null}
        {!canUpdate ? null : DERIVED.test(d.id) ? (
          <Tooltip title={t('dates.derivedHint')}>
            <Typography.Text type="secondary" style={{ fontSize: 12, width: 104, textAlign: 'center' }}>
              {t('dates.derived')}
            </Typography.Text>
          </Tooltip>
        ) : (
          <Space size={0}>
            <Button type="link" size="small" onClick={onEdit}>
              {t('common.edit')}
            </Button>
            <Button type="link" size="small" danger onClick={onDelete}>
              {t('common.delete')}
            </Button>
          </Space>
        )}
      </Flex>
    </Flex>
  );
}

const DATE_PARTS = { calendar: 'date', month: 'date', day: 'date', leapMonth: 'date', year: 'date' };

interface DateFormValues {
  kind: ImportantDate['kind'];
  label?: string;
  contactId?: string | null;
  date: CalendarDateValue;
}

function ImportantDateDrawer(props: { clientId: string; open: boolean; date: ImportantDate | null; onClose: () => void }) {
  const { clientId, open, date, onClose } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DateFormValues>();
  const contacts = useContacts(clientId);

  const mutation = useMutation({
    mutationFn: (v: DateFormValues) => {
      const d = toCalendarDate(v.date);
      if (!d) throw new Error(t('calendarDate.incomplete'));
      const body = { kind: v.kind, label: v.label?.trim() || null, contactId: v.contactId ?? null, ...d };
      return date ? datesApi.update(clientId, date.id, body) : datesApi.create(clientId, body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: clientKeys.detail(clientId) });
      message.success(date ? t('dates.updated') : t('dates.created'));
      onClose();
    },
    onError: (err) => applyServerErrors(renameFieldErrors(err, DATE_PARTS), form, ['kind', 'label', 'contactId', 'date'], (text) => message.error(text)),
  });

  const initial: Partial<DateFormValues> = date
    ? {
        kind: date.kind,
        label: date.label ?? undefined,
        contactId: date.contactId,
        date: { calendar: date.calendar, month: date.month, day: date.day, leapMonth: date.leapMonth, year: date.year },
      }
    : { kind: 'birthday', contactId: null, date: { calendar: 'solar' } };

  return (
    <FormDrawer<DateFormValues>
      open={open}
      title={date ? t('dates.editTitle') : t('dates.createTitle')}
      form={form}
      initialValues={initial}
      submitting={mutation.isPending}
      onSubmit={(v) => mutation.mutate(v)}
      onClose={onClose}
      testId="date-form"
    >
      <Form.Item name="kind" label={t('dates.kind')} rules={[{ required: true, message: t('validation.select', { label: t('dates.kind') }) }]}>
        <Select options={IMPORTANT_DATE_KINDS.map((k) => ({ value: k, label: t(`dates.kinds.${k}`) }))} data-testid="date-form-kind" />
      </Form.Item>
      <Form.Item name="label" label={t('dates.label')} rules={[{ max: 100, message: t('validation.max', { label: t('dates.label'), max: 100 }) }]}>
        <Input placeholder={t('dates.labelPlaceholder')} data-testid="date-form-label" />
      </Form.Item>
      <Form.Item name="contactId" label={t('dates.whose')}>
        <Select<string | null>
          options={[{ value: null, label: t('dates.theClient') }, ...(contacts.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
          loading={contacts.isLoading}
          data-testid="date-form-contact"
        />
      </Form.Item>
      <Form.Item
        name="date"
        label={t('dates.date')}
        required
        rules={[
          {
            // On save only: while the date is being picked the line under it says what is missing.
            validateTrigger: 'onSubmit',
            validator: (_, v?: CalendarDateValue) =>
              v?.month && v.day ? Promise.resolve() : Promise.reject(new Error(t('calendarDate.incomplete'))),
          },
        ]}
      >
        <CalendarDateInput testId="date-form-date" />
      </Form.Item>
    </FormDrawer>
  );
}
