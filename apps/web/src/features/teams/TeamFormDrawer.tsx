import { App, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Team } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../components/FormDrawer';
import { applyServerErrors } from '../../components/formErrors';
import { teamKeys, teamsApi } from './teams.api';

interface TeamFormValues {
  name: string;
  description?: string;
}

interface TeamFormDrawerProps {
  open: boolean;
  team: Team | null;
  onClose: () => void;
}

/** Mount with a fresh `key` per opening so the form starts from this team's values. */
export function TeamFormDrawer({ open, team, onClose }: TeamFormDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<TeamFormValues>();

  const mutation = useMutation({
    mutationFn: (values: TeamFormValues) => {
      const body = { name: values.name.trim(), description: values.description?.trim() ? values.description.trim() : null };
      return team ? teamsApi.update(team.id, body) : teamsApi.create(body);
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: teamKeys.all });
      message.success(team ? t('teams.updated', { name: saved.name }) : t('teams.created', { name: saved.name }));
      onClose();
    },
    onError: (err) => applyServerErrors(err, form, ['name', 'description'], (text) => message.error(text)),
  });

  return (
    <FormDrawer<TeamFormValues>
      open={open}
      title={team ? t('teams.editTitle', { name: team.name }) : t('teams.createTitle')}
      form={form}
      initialValues={team ? { name: team.name, description: team.description ?? undefined } : {}}
      submitting={mutation.isPending}
      onSubmit={(values) => mutation.mutate(values)}
      onClose={onClose}
      testId="team-form"
    >
      <Form.Item
        name="name"
        label={t('teams.name')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { label: t('teams.name') }) },
          { max: 50, message: t('validation.max', { label: t('teams.name'), max: 50 }) },
        ]}
      >
        <Input placeholder={t('teams.namePlaceholder')} autoFocus data-testid="team-form-name" />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('teams.description')}
        rules={[{ max: 500, message: t('validation.max', { label: t('teams.description'), max: 500 }) }]}
      >
        <Input.TextArea
          placeholder={t('teams.descriptionPlaceholder')}
          autoSize={{ minRows: 3, maxRows: 8 }}
          showCount
          maxLength={500}
          data-testid="team-form-description"
        />
      </Form.Item>
    </FormDrawer>
  );
}
