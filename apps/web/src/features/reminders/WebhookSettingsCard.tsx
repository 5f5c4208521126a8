import { App, Button, Card, Flex, Form, Input, Skeleton, Switch, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WebhookSettings } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/ErrorResults';
import { applyServerErrors } from '../../components/formErrors';
import { reminderKeys, remindersApi, useWebhookSettings } from './reminders.api';

interface WebhookValues {
  enabled: boolean;
  url: string;
  secret?: string;
}

/** P-10: a generic webhook (WeCom / DingTalk / Feishu bots); the secret is write-only. */
export function WebhookSettingsCard() {
  const { t } = useTranslation();
  const webhook = useWebhookSettings();
  return (
    <Card variant="borderless" title={t('reminders.webhook.title')} data-testid="webhook-settings">
      {webhook.error && !webhook.data ? (
        <LoadError error={webhook.error} onRetry={() => void webhook.refetch()} />
      ) : !webhook.data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <WebhookForm settings={webhook.data} />
      )}
    </Card>
  );
}

function WebhookForm({ settings }: { settings: WebhookSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<WebhookValues>();
  const save = useMutation({
    mutationFn: (v: WebhookValues) => remindersApi.saveWebhook({ enabled: v.enabled, url: (v.url ?? '').trim(), ...(v.secret ? { secret: v.secret } : {}) }),
    onSuccess: (saved) => {
      client.setQueryData(reminderKeys.webhook, saved);
      form.setFieldValue('secret', '');
      message.success(t('reminders.webhook.saved'));
    },
    onError: (err) => applyServerErrors(err, form, ['enabled', 'url', 'secret'], (text) => message.error(text)),
  });
  return (
    <Form<WebhookValues> form={form} layout="vertical" initialValues={{ enabled: settings.enabled, url: settings.url, secret: '' }} onFinish={(v) => save.mutate(v)} disabled={save.isPending}>
      <Typography.Paragraph type="secondary">{t('reminders.webhook.hint')}</Typography.Paragraph>
      <Form.Item name="enabled" label={t('reminders.webhook.enabled')} valuePropName="checked">
        <Switch data-testid="webhook-enabled" />
      </Form.Item>
      <Form.Item name="url" label={t('reminders.webhook.url')} rules={[{ type: 'url', message: t('reminders.webhook.urlInvalid') }]}>
        <Input placeholder="https://" data-testid="webhook-url" />
      </Form.Item>
      <Form.Item
        name="secret"
        label={t('reminders.webhook.secret')}
        extra={settings.secretSet ? t('reminders.webhook.secretKept') : t('reminders.webhook.secretHint')}
        rules={[{ min: 16, message: t('reminders.webhook.secretMin') }]}
      >
        <Input.Password autoComplete="new-password" placeholder={settings.secretSet ? '••••••••' : ''} data-testid="webhook-secret" />
      </Form.Item>
      <Flex justify="flex-end">
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="webhook-save">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
