import { App, Card, Flex, Skeleton, Switch, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { reminderKeys, remindersApi, useDigestPreference } from './reminders.api';

/** P-10: the signed-in user's daily email digest switch (account page). */
export function DigestCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const digest = useDigestPreference();
  const save = useMutation({
    mutationFn: (enabled: boolean) => remindersApi.saveDigest(enabled),
    onSuccess: (saved) => {
      client.setQueryData(reminderKeys.digest, saved);
      message.success(saved.enabled ? t('reminders.digest.on') : t('reminders.digest.off'));
    },
    onError: (err) => message.error(err.message),
  });
  return (
    <Card title={t('reminders.digest.title')} variant="borderless" data-testid="account-digest">
      {!digest.data ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : (
        <Flex vertical gap={8}>
          <Flex align="center" gap={12}>
            <Switch checked={digest.data.enabled} loading={save.isPending} onChange={(v) => save.mutate(v)} data-testid="digest-switch" />
            <Typography.Text>{t('reminders.digest.label', { email: digest.data.email })}</Typography.Text>
          </Flex>
          <Typography.Text type="secondary">{digest.data.emailConfigured ? t('reminders.digest.help') : t('reminders.digest.notConfigured')}</Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
