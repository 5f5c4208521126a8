import { App, Form, Input, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ROLES, type Role, type User } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../components/FormDrawer';
import { applyServerErrors } from '../../components/formErrors';
import { PasswordField } from '../../components/PasswordField';
import { teamKeys, useTeamOptions } from '../teams/teams.api';
import { userKeys, usersApi } from './users.api';

interface UserFormValues {
  name: string;
  email: string;
  phone?: string;
  role: Role;
  teamId?: string;
  password?: string;
}

const FIELDS = ['name', 'email', 'phone', 'role', 'teamId', 'password'] as const;
const PHONE = /^\+?[0-9][0-9 -]{4,30}$/;

interface UserFormDrawerProps {
  open: boolean;
  /** null: create a new user */
  user: User | null;
  onClose: () => void;
}

/** Mount with a fresh `key` per opening so the form starts from this user's values. */
export function UserFormDrawer({ open, user, onClose }: UserFormDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<UserFormValues>();
  const teams = useTeamOptions();

  const mutation = useMutation({
    mutationFn: (values: UserFormValues) => {
      const common = {
        name: values.name.trim(),
        email: values.email.trim(),
        phone: values.phone?.trim() ? values.phone.trim() : null,
        role: values.role,
        teamId: values.teamId ?? null,
      };
      return user ? usersApi.update(user.id, common) : usersApi.create({ ...common, password: values.password ?? '' });
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: userKeys.all });
      void client.invalidateQueries({ queryKey: teamKeys.all });
      message.success(user ? t('users.updated', { name: saved.name }) : t('users.created', { name: saved.name }));
      onClose();
    },
    onError: (err) => applyServerErrors(err, form, FIELDS, (text) => message.error(text)),
  });

  const initialValues: Partial<UserFormValues> = user
    ? { name: user.name, email: user.email, phone: user.phone ?? undefined, role: user.role, teamId: user.teamId ?? undefined }
    : {};

  return (
    <FormDrawer<UserFormValues>
      open={open}
      title={user ? t('users.editTitle', { name: user.name }) : t('users.createTitle')}
      form={form}
      initialValues={initialValues}
      submitting={mutation.isPending}
      onSubmit={(values) => mutation.mutate(values)}
      onClose={onClose}
      testId="user-form"
    >
      <Form.Item
        name="name"
        label={t('users.name')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { label: t('users.name') }) },
          { max: 50, message: t('validation.max', { label: t('users.name'), max: 50 }) },
        ]}
      >
        <Input placeholder={t('users.namePlaceholder')} autoFocus data-testid="user-form-name" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('users.email')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { label: t('users.email') }) },
          { type: 'email', message: t('validation.email') },
        ]}
      >
        <Input placeholder="name@lawfirm.com" autoComplete="off" data-testid="user-form-email" />
      </Form.Item>
      <Form.Item name="phone" label={t('users.phone')} rules={[{ pattern: PHONE, message: t('validation.phone') }]}>
        <Input placeholder={t('users.phonePlaceholder')} data-testid="user-form-phone" />
      </Form.Item>
      <Form.Item
        name="role"
        label={t('users.role')}
        rules={[{ required: true, message: t('validation.select', { label: t('users.role') }) }]}
      >
        <Select<Role>
          placeholder={t('users.rolePlaceholder')}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          data-testid="user-form-role"
        />
      </Form.Item>
      <Form.Item name="teamId" label={t('users.team')}>
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('users.teamPlaceholder')}
          options={teams.data ?? []}
          loading={teams.isLoading}
          data-testid="user-form-team"
        />
      </Form.Item>
      {user ? null : (
        <Form.Item
          name="password"
          label={t('users.initialPassword')}
          extra={t('users.passwordHelp')}
          rules={[
            { required: true, message: t('validation.required', { label: t('users.initialPassword') }) },
            { min: 10, message: t('validation.passwordMin') },
          ]}
        >
          <PasswordField placeholder={t('users.passwordPlaceholder')} testId="user-form-password" />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
