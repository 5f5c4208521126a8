import { App, Form, Modal, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { User } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../components/formErrors';
import { PasswordField } from '../../components/PasswordField';
import { usersApi } from './users.api';

interface ResetPasswordModalProps {
  open: boolean;
  user: User | null;
  onClose: () => void;
}

export function ResetPasswordModal({ open, user, onClose }: ResetPasswordModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();

  const mutation = useMutation({
    mutationFn: (password: string) => usersApi.resetPassword(user?.id ?? '', password),
    onSuccess: () => {
      message.success(t('users.resetDone', { name: user?.name ?? '' }));
      onClose();
    },
    onError: (err) => applyServerErrors(err, form, ['password'], (text) => message.error(text)),
  });

  return (
    <Modal
      open={open && user !== null}
      title={t('users.resetTitle', { name: user?.name ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'reset-password-submit' }}
      data-testid="reset-password-modal"
    >
      <Typography.Paragraph type="secondary">{t('users.resetIntro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v.password)} preserve={false}>
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          rules={[
            { required: true, message: t('validation.required', { label: t('users.newPassword') }) },
            { min: 10, message: t('validation.passwordMin') },
          ]}
        >
          <PasswordField placeholder={t('users.passwordPlaceholder')} testId="reset-password-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
