import { useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Skeleton, Switch, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EmailSettings, EmailTestResult } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/ErrorResults';
import { applyServerErrors } from '../../components/formErrors';
import { reminderKeys, remindersApi, useEmailSettings } from './reminders.api';

interface EmailValues {
  enabled: boolean;
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password?: string;
  sender: string;
}

const FIELDS = ['enabled', 'host', 'port', 'secure', 'user', 'password', 'sender'] as const;

/** N-4: SMTP settings; the password is write-only (left empty, the stored one is kept). */
export function EmailSettingsCard() {
  const { t } = useTranslation();
  const email = useEmailSettings();
  return (
    <Card variant="borderless" title={t('reminders.email.title')} data-testid="email-settings">
      {email.error && !email.data ? (
        <LoadError error={email.error} onRetry={() => void email.refetch()} />
      ) : !email.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <EmailForm settings={email.data} />
      )}
    </Card>
  );
}

function EmailForm({ settings }: { settings: EmailSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<EmailValues>();
  const [testTo, setTestTo] = useState('');
  const [result, setResult] = useState<EmailTestResult | null>(null);
  const save = useMutation({
    mutationFn: (v: EmailValues) => remindersApi.saveEmail({ ...v, user: v.user ?? '', ...(v.password ? { password: v.password } : {}) }),
    onSuccess: (saved) => {
      client.setQueryData(reminderKeys.email, saved);
      form.setFieldValue('password', '');
      message.success(t('reminders.email.saved'));
    },
    onError: (err) => applyServerErrors(err, form, FIELDS, (text) => message.error(text)),
  });
  const test = useMutation({
    mutationFn: () => remindersApi.testEmail(testTo.trim() || undefined),
    onSuccess: (r) => {
      setResult(r);
      void client.invalidateQueries({ queryKey: reminderKeys.deliveries });
    },
    onError: (err) => message.error(err.message),
  });
  const required = (label: string) => ({ required: true, message: t('validation.required', { label }) });

  return (
    <Form<EmailValues>
      form={form}
      layout="vertical"
      initialValues={{ ...settings, password: '' }}
      onFinish={(v) => save.mutate(v)}
      disabled={save.isPending}
    >
      <Typography.Paragraph type="secondary">{t('reminders.email.hint')}</Typography.Paragraph>
      <Form.Item name="enabled" label={t('reminders.email.enabled')} valuePropName="checked">
        <Switch data-testid="email-enabled" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="host" label={t('reminders.email.host')} rules={[required(t('reminders.email.host'))]}>
            <Input placeholder="smtp.exmail.qq.com" data-testid="email-host" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="port" label={t('reminders.email.port')} rules={[required(t('reminders.email.port'))]}>
            <InputNumber<number> min={1} max={65535} precision={0} style={{ width: '100%' }} data-testid="email-port" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="secure" label={t('reminders.email.secure')} valuePropName="checked" extra={t('reminders.email.secureHint')}>
            <Switch data-testid="email-secure" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="user" label={t('reminders.email.user')}>
            <Input autoComplete="off" data-testid="email-user" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="password"
            label={t('reminders.email.password')}
            extra={settings.passwordSet ? t('reminders.email.passwordKept') : t('reminders.email.passwordNone')}
          >
            <Input.Password autoComplete="new-password" placeholder={settings.passwordSet ? '••••••••' : ''} data-testid="email-password" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="sender"
            label={t('reminders.email.sender')}
            rules={[required(t('reminders.email.sender')), { type: 'email', message: t('validation.email') }]}
          >
            <Input placeholder="crm@lawfirm.cn" data-testid="email-sender" />
          </Form.Item>
        </Col>
      </Row>
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <Flex vertical gap={8} style={{ flex: 1, minWidth: 280 }}>
          <Flex gap={8}>
            <Input
              value={testTo}
              onChange={(e) => setTestTo(e.target.value)}
              placeholder={t('reminders.email.testTo')}
              style={{ maxWidth: 260 }}
              disabled={test.isPending}
              data-testid="email-test-to"
            />
            <Button onClick={() => test.mutate()} loading={test.isPending} disabled={false} data-testid="email-test">
              {t('reminders.email.test')}
            </Button>
          </Flex>
          {result ? (
            <Alert
              type={result.ok ? 'success' : 'error'}
              showIcon
              title={result.ok ? t('reminders.email.testOk', { to: result.to }) : t('reminders.email.testFailed', { to: result.to })}
              description={result.error ?? undefined}
              data-testid="email-test-result"
            />
          ) : (
            <Typography.Text type="secondary">{t('reminders.email.testHint')}</Typography.Text>
          )}
        </Flex>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="email-save">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
