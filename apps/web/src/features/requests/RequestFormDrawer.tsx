import { useState } from 'react';
import { App, DatePicker, Form, Input, Select } from 'antd';
import { REQUEST_CHANNELS, REQUEST_PRIORITIES, type RequestChannel, type RequestPriority } from '@retainer/shared';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSessionUser } from '../../app/auth/session';
import { FormDrawer } from '../../components/FormDrawer';
import { applyServerErrors } from '../../components/formErrors';
import { contactsApi } from '../clients/related.api';
import { usePeopleOptions } from '../clients/usePeopleOptions';
import { ClientPicker } from '../interactions/ClientPicker';
import { requestsApi, useRequestMutation } from './requests.api';

interface Values {
  clientId: string;
  contactId?: string;
  channel: RequestChannel;
  receivedAt: Dayjs;
  subject: string;
  details?: string;
  priority: RequestPriority;
  assigneeId: string;
}
const FIELDS = ['clientId', 'contactId', 'channel', 'receivedAt', 'subject', 'details', 'priority', 'assigneeId'] as const;

/** S-1: logs a request in a drawer; received-at defaults to now, Enter submits, Esc closes. */
export function RequestFormDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSessionUser();
  const [form] = Form.useForm<Values>();
  const [clientId, setClientId] = useState<string | undefined>();
  const people = usePeopleOptions([{ value: me.user.id, label: me.user.name }]);
  const contacts = useQuery({ queryKey: ['contacts', clientId], queryFn: ({ signal }) => contactsApi.list(clientId!, signal), enabled: !!clientId });
  const create = useRequestMutation((v: Values) =>
    requestsApi.create({
      clientId: v.clientId,
      contactId: v.contactId ?? null,
      channel: v.channel,
      receivedAt: v.receivedAt.toISOString(),
      subject: v.subject,
      details: v.details || null,
      priority: v.priority,
      assigneeId: v.assigneeId,
    }),
  );
  const close = () => {
    setClientId(undefined);
    onClose();
  };
  return (
    <FormDrawer<Values>
      open={open}
      title={t('requests.createTitle')}
      form={form}
      submitting={create.isPending}
      testId="request-form"
      initialValues={{ channel: 'phone', priority: 'normal', receivedAt: dayjs(), assigneeId: me.user.id }}
      onClose={close}
      onSubmit={(v) =>
        create.mutate(v, {
          onSuccess: (r) => {
            message.success(t('requests.created', { subject: r.subject }));
            close();
            onCreated(r.id);
          },
          onError: (err) => applyServerErrors(err, form, FIELDS, (text) => message.error(text)),
        })
      }
    >
      <Form.Item name="clientId" label={t('requests.fields.client')} rules={[{ required: true }]}>
        <ClientPicker
          autoFocus
          onChange={(id) => {
            form.setFieldsValue({ clientId: id, contactId: undefined });
            setClientId(id);
          }}
        />
      </Form.Item>
      <Form.Item name="contactId" label={t('requests.fields.contact')}>
        <Select
          allowClear
          disabled={!clientId}
          loading={contacts.isFetching}
          options={(contacts.data ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))}
          data-testid="request-form-contact"
        />
      </Form.Item>
      <Form.Item name="subject" label={t('requests.fields.subject')} rules={[{ required: true, whitespace: true, max: 200 }]}>
        <Input data-testid="request-form-subject" maxLength={200} />
      </Form.Item>
      <Form.Item name="channel" label={t('requests.fields.channel')} rules={[{ required: true }]}>
        <Select options={REQUEST_CHANNELS.map((c) => ({ value: c, label: t(`requests.channels.${c}`) }))} data-testid="request-form-channel" />
      </Form.Item>
      <Form.Item name="receivedAt" label={t('requests.fields.receivedAt')} rules={[{ required: true }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="priority" label={t('requests.fields.priority')} rules={[{ required: true }]}>
        <Select options={REQUEST_PRIORITIES.map((p) => ({ value: p, label: t(`requests.priorities.${p}`) }))} />
      </Form.Item>
      <Form.Item name="assigneeId" label={t('requests.fields.assignee')} rules={[{ required: true }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={people.options} loading={people.loading} />
      </Form.Item>
      <Form.Item name="details" label={t('requests.fields.details')}>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
    </FormDrawer>
  );
}
