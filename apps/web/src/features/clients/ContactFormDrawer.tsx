import { App, Col, Form, Input, Row, Segmented, Select, Switch, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CONTACT_STATUSES, DECISION_ROLES, type Contact, type ContactCreate } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../components/FormDrawer';
import { applyServerErrors } from '../../components/formErrors';
import { CalendarDateInput, calendarDateRule, toCalendarDate, type CalendarDateValue } from './CalendarDateInput';
import { clientKeys } from './clients.api';
import { contactsApi } from './related.api';

interface ContactFormValues {
  name: string;
  department?: string;
  title?: string;
  decisionRole?: Contact['decisionRole'];
  phone?: string;
  email?: string;
  wechat?: string;
  birthday?: CalendarDateValue | null;
  hobbies?: string;
  tags?: string[];
  isPrimary?: boolean;
  status?: Contact['status'];
}

const FIELDS = ['name', 'department', 'title', 'decisionRole', 'phone', 'email', 'wechat', 'birthday', 'hobbies', 'tags', 'isPrimary', 'status'];
const PHONE = /^[+0-9][0-9 ()-]{3,38}$/;
const clean = (v: string | undefined | null) => (v && v.trim() ? v.trim() : null);

function toBody(v: ContactFormValues): ContactCreate {
  return {
    name: v.name.trim(),
    department: clean(v.department),
    title: clean(v.title),
    decisionRole: v.decisionRole ?? null,
    phone: clean(v.phone),
    email: clean(v.email),
    wechat: clean(v.wechat),
    birthday: toCalendarDate(v.birthday),
    hobbies: clean(v.hobbies),
    tags: v.tags ?? [],
    isPrimary: v.isPrimary ?? false,
    status: v.status ?? 'in_post',
  };
}

interface ContactFormDrawerProps {
  clientId: string;
  open: boolean;
  contact: Contact | null;
  onClose: () => void;
}

/** C-4 contacts; title, department and status changes become personnel history (C-6) on the server. */
export function ContactFormDrawer({ clientId, open, contact, onClose }: ContactFormDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ContactFormValues>();
  const masked = contact?.masked ?? false;
  const initial: ContactFormValues = contact
    ? {
        name: contact.name,
        department: contact.department ?? undefined,
        title: contact.title ?? undefined,
        decisionRole: contact.decisionRole,
        phone: masked ? undefined : (contact.phone ?? undefined),
        email: masked ? undefined : (contact.email ?? undefined),
        wechat: contact.wechat ?? undefined,
        birthday: contact.birthday,
        hobbies: contact.hobbies ?? undefined,
        tags: contact.tags,
        isPrimary: contact.isPrimary,
        status: contact.status,
      }
    : { name: '', isPrimary: false, status: 'in_post', tags: [] };

  const mutation = useMutation({
    mutationFn: (values: ContactFormValues) => {
      const body = toBody(values);
      if (!contact) return contactsApi.create(clientId, body);
      const before = toBody(initial);
      const changed = Object.fromEntries(
        Object.entries(body).filter(([k, v]) => {
          if (masked && (k === 'phone' || k === 'email') && v === null) return false;
          return JSON.stringify(v) !== JSON.stringify(before[k as keyof ContactCreate]);
        }),
      );
      return contactsApi.update(clientId, contact.id, changed);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: clientKeys.detail(clientId) });
      message.success(contact ? t('contacts.updated', { name: saved.name }) : t('contacts.created', { name: saved.name }));
      onClose();
    },
    onError: (err) => applyServerErrors(err, form, FIELDS, (text) => message.error(text)),
  });

  const max = (label: string, n: number) => ({ max: n, message: t('validation.max', { label, max: n }) });
  const maskedHint = masked ? t('clientForm.maskedKeep') : undefined;

  return (
    <FormDrawer<ContactFormValues>
      open={open}
      title={contact ? t('contacts.editTitle', { name: contact.name }) : t('contacts.createTitle')}
      form={form}
      initialValues={initial}
      submitting={mutation.isPending}
      onSubmit={(v) => mutation.mutate(v)}
      onClose={onClose}
      testId="contact-form"
      width={600}
    >
      {contact ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('contacts.personnelHint')}
        </Typography.Paragraph>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="name"
            label={t('contacts.name')}
            rules={[{ required: true, whitespace: true, message: t('validation.required', { label: t('contacts.name') }) }, max(t('contacts.name'), 100)]}
          >
            <Input autoFocus placeholder={t('contacts.namePlaceholder')} data-testid="contact-form-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="decisionRole" label={t('contacts.decisionRole')}>
            <Select allowClear options={DECISION_ROLES.map((r) => ({ value: r, label: t(`contacts.decisionRoles.${r}`) }))} data-testid="contact-form-role" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="department" label={t('contacts.department')} rules={[max(t('contacts.department'), 100)]}>
            <Input data-testid="contact-form-department" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="title" label={t('contacts.title')} rules={[max(t('contacts.title'), 100)]}>
            <Input data-testid="contact-form-title" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="phone" label={t('contacts.phone')} extra={maskedHint} rules={[{ pattern: PHONE, message: t('clientForm.invalidPhone') }]}>
            <Input data-testid="contact-form-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="email" label={t('contacts.email')} extra={maskedHint} rules={[{ type: 'email', message: t('validation.email') }]}>
            <Input data-testid="contact-form-email" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="wechat" label={t('contacts.wechat')} rules={[max(t('contacts.wechat'), 100)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="status" label={t('contacts.status')}>
            <Segmented<Contact['status']> options={CONTACT_STATUSES.map((s) => ({ value: s, label: t(`contacts.statuses.${s}`) }))} data-testid="contact-form-status" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="birthday" label={t('contacts.birthday')} rules={[calendarDateRule(t('calendarDate.incomplete'))]}>
            <CalendarDateInput testId="contact-form-birthday" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="hobbies" label={t('contacts.hobbies')} rules={[max(t('contacts.hobbies'), 500)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="isPrimary" label={t('contacts.isPrimary')} valuePropName="checked">
            <Switch data-testid="contact-form-primary" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="tags" label={t('contacts.tags')}>
            <Select mode="tags" open={false} tokenSeparators={[',', '，']} placeholder={t('clientForm.tagsPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  );
}
