import { App, DatePicker, Form, Input, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { COMPLAINT_CHANNELS, type ComplaintChannel, type ComplaintDetail } from '@retainer/shared';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/session';
import { FormDrawer } from '../../components/FormDrawer';
import { applyServerErrors } from '../../components/formErrors';
import { clientKeys } from '../clients/clients.api';
import { contactsApi } from '../clients/related.api';
import { usePeopleOptions } from '../clients/usePeopleOptions';
import { ClientPicker } from '../interactions/ClientPicker';
import { useMatterOptions } from '../interactions/interactions.api';
import { useCreateComplaint } from './complaints.api';

interface FormValues {
  clientId?: string;
  complainantContactId?: string;
  complainantName?: string;
  receivedAt: Dayjs;
  channel: ComplaintChannel;
  targetUserId?: string;
  targetMatterId?: string;
  content: string;
  demands: string;
  statement: string;
}

const FIELDS = ['clientId', 'complainantContactId', 'complainantName', 'receivedAt', 'channel', 'targetUserId', 'targetMatterId', 'content', 'demands', 'statement'];

/** Q-1 step 1: record a complaint (anyone who can see the client). */
export function ComplaintFormDrawer({
  open,
  onClose,
  client,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  client?: { id: string; name: string } | null;
  onSaved?: (c: ComplaintDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const seesMatters = useCan('matters:read');
  const clientId = Form.useWatch('clientId', form) ?? client?.id;
  const people = usePeopleOptions();
  const contacts = useQuery({
    queryKey: clientKeys.sub(clientId ?? '', 'contacts-options'),
    queryFn: ({ signal }) => contactsApi.list(clientId!, signal),
    enabled: open && !!clientId,
  });
  const matters = useMatterOptions(clientId, open && seesMatters);
  const create = useCreateComplaint();
  const required = (label: string) => ({ required: true, whitespace: true, message: t('validation.required', { label }) });

  const submit = (v: FormValues) => {
    if (!v.complainantContactId && !v.complainantName?.trim()) {
      form.setFields([{ name: 'complainantName', errors: [t('complaints.form.needComplainant')] }]);
      return;
    }
    if (!v.targetUserId && !v.targetMatterId) {
      form.setFields([{ name: 'targetUserId', errors: [t('complaints.form.needTarget')] }]);
      return;
    }
    create.mutate(
      {
        clientId: (v.clientId ?? client?.id)!,
        complainantContactId: v.complainantContactId ?? null,
        complainantName: v.complainantName?.trim() || null,
        receivedAt: v.receivedAt.toISOString(),
        channel: v.channel,
        targetUserId: v.targetUserId ?? null,
        targetMatterId: v.targetMatterId ?? null,
        content: v.content,
        demands: v.demands,
        statement: v.statement,
      },
      {
        onSuccess: (c) => {
          message.success(t('complaints.form.created'));
          form.resetFields();
          onSaved?.(c);
          onClose();
        },
        onError: (err) => applyServerErrors(err, form, FIELDS, (text) => void message.error(text)),
      },
    );
  };

  return (
    <FormDrawer<FormValues>
      open={open}
      title={t('complaints.form.createTitle')}
      form={form}
      submitting={create.isPending}
      onSubmit={submit}
      onClose={onClose}
      initialValues={{ clientId: client?.id, receivedAt: dayjs(), channel: 'phone' }}
      testId="complaint-form"
      width={560}
    >
      <Form.Item name="clientId" label={t('complaints.fields.client')} rules={[{ required: true, message: t('validation.select', { label: t('complaints.fields.client') }) }]}>
        <ClientPicker initial={client ?? null} onChange={() => form.setFieldsValue({ complainantContactId: undefined, targetMatterId: undefined })} />
      </Form.Item>
      <Form.Item label={t('complaints.fields.complainant')} extra={t('complaints.form.complainantHelp')} style={{ marginBottom: 8 }}>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Form.Item name="complainantContactId" noStyle>
            <Select
              allowClear
              placeholder={clientId ? t('complaints.form.contactPlaceholder') : t('complaints.form.pickClientFirst')}
              disabled={!clientId}
              loading={contacts.isLoading}
              options={(contacts.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              style={{ flex: '1 1 200px', minWidth: 0 }}
              aria-label={t('complaints.fields.complainantContact')}
              data-testid="complaint-contact"
            />
          </Form.Item>
          <Form.Item name="complainantName" noStyle rules={[{ max: 100 }]}>
            <Input placeholder={t('complaints.form.namePlaceholder')} style={{ flex: '1 1 160px', minWidth: 0 }} aria-label={t('complaints.fields.complainantName')} data-testid="complaint-name" />
          </Form.Item>
        </div>
      </Form.Item>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item name="receivedAt" label={t('complaints.fields.receivedAt')} rules={[{ required: true, message: t('validation.required', { label: t('complaints.fields.receivedAt') }) }]} style={{ flex: '1 1 200px' }}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} data-testid="complaint-received" />
        </Form.Item>
        <Form.Item name="channel" label={t('complaints.fields.channel')} rules={[{ required: true }]} style={{ flex: '1 1 140px' }}>
          <Select options={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: t(`complaints.channels.${c}`) }))} data-testid="complaint-channel" />
        </Form.Item>
      </div>
      <Form.Item name="targetUserId" label={t('complaints.fields.targetUser')} extra={t('complaints.form.targetHelp')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={people.options} loading={people.loading} data-testid="complaint-target" />
      </Form.Item>
      {seesMatters ? (
        <Form.Item name="targetMatterId" label={t('complaints.fields.targetMatter')}>
          <Select
            allowClear
            disabled={!clientId}
            placeholder={clientId ? undefined : t('complaints.form.pickClientFirst')}
            loading={matters.isLoading}
            options={(matters.data?.items ?? []).map((m) => ({ value: m.id, label: m.title }))}
            data-testid="complaint-matter"
          />
        </Form.Item>
      ) : null}
      <Form.Item name="content" label={t('complaints.fields.content')} rules={[required(t('complaints.fields.content')), { max: 4000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="complaint-content" />
      </Form.Item>
      <Form.Item name="demands" label={t('complaints.fields.demands')} rules={[required(t('complaints.fields.demands')), { max: 2000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="complaint-demands" />
      </Form.Item>
      <Form.Item name="statement" label={t('complaints.fields.statement')} extra={t('complaints.form.statementHelp')} rules={[required(t('complaints.fields.statement')), { max: 8000 }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} data-testid="complaint-statement" />
      </Form.Item>
    </FormDrawer>
  );
}
