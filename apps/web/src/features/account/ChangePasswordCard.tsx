import { App, Button, Card, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSessionUser } from '../../app/auth/session';
import { applyServerErrors } from '../../components/formErrors';
import { changePassword } from './account.api';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const { user } = useSessionUser();

  const mutation = useMutation({
    mutationFn: (v: PasswordValues) => changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      message.success(t('account.passwordChanged'));
      form.resetFields();
    },
    onError: (err) => applyServerErrors(err, form, ['currentPassword', 'newPassword'], (text) => message.error(text)),
  });

  return (
    <Card title={t('account.changePassword')} variant="borderless" data-testid="account-password">
      <Form<PasswordValues>
        form={form}
        layout="vertical"
        onFinish={(v) => mutation.mutate(v)}
        disabled={mutation.isPending}
        style={{ maxWidth: 420 }}
      >
        {/* lets password managers pair the new password with the account */}
        <input type="text" name="username" autoComplete="username" value={user.email} readOnly hidden />
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          rules={[{ required: true, message: t('validation.required', { label: t('account.currentPassword') }) }]}
        >
          <Input.Password autoComplete="current-password" data-testid="account-current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          extra={t('account.passwordHelp')}
          rules={[
            { required: true, message: t('validation.required', { label: t('account.newPassword') }) },
            { min: 10, message: t('validation.passwordMin') },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="account-new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('validation.required', { label: t('account.confirmPassword') }) },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('account.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="account-confirm-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="account-password-submit">
          {t('account.submitPassword')}
        </Button>
      </Form>
    </Card>
  );
}
