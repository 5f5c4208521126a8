import { App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { GRADES, type Client, type Grade } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../components/formErrors';
import { useTeamOptions } from '../teams/teams.api';
import { clientKeys, clientsApi } from './clients.api';
import { usePeopleOptions } from './usePeopleOptions';

export type ClientAction =
  | { kind: 'transfer' }
  | { kind: 'grade' }
  | { kind: 'status'; status: 'lost' | 'dismissed' | null };

interface ModalProps {
  client: Client;
  action: ClientAction | null;
  onClose: () => void;
}

function useSaved(client: Client, onClose: () => void) {
  const queryClient = useQueryClient();
  return (saved: Client) => {
    queryClient.setQueryData(clientKeys.detail(client.id), saved);
    void queryClient.invalidateQueries({ queryKey: clientKeys.all });
    onClose();
  };
}

/** 转移, 调整分级, 标记流失/主动解除: each its own action with a reason (K-1, K-5, X-5). */
export function ClientActionModals({ client, action, onClose }: ModalProps) {
  return (
    <>
      <TransferModal client={client} open={action?.kind === 'transfer'} onClose={onClose} />
      <GradeModal client={client} open={action?.kind === 'grade'} onClose={onClose} />
      <StatusModal client={client} status={action?.kind === 'status' ? action.status : undefined} onClose={onClose} />
    </>
  );
}

interface TransferValues {
  ownerId: string;
  managerId?: string | null;
  teamId?: string | null;
  reason?: string;
}

function TransferModal({ client, open, onClose }: { client: Client; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TransferValues>();
  const people = usePeopleOptions();
  const teams = useTeamOptions();
  const saved = useSaved(client, onClose);
  const owners = people.users.filter((u) => u.role === 'lawyer' || u.role === 'partner').map((u) => ({ value: u.id, label: u.name }));
  const managers = people.users.filter((u) => u.role === 'client_manager').map((u) => ({ value: u.id, label: u.name }));
  const mutation = useMutation({
    mutationFn: (v: TransferValues) =>
      clientsApi.transfer(client.id, { ownerId: v.ownerId, managerId: v.managerId ?? null, teamId: v.teamId ?? null, reason: v.reason?.trim() || null }),
    onSuccess: (c) => {
      message.success(t('client.transferred', { name: c.name }));
      saved(c);
    },
    onError: (err) => applyServerErrors(err, form, ['ownerId', 'managerId', 'teamId', 'reason'], (text) => message.error(text)),
  });
  return (
    <Modal
      open={open}
      title={t('client.transferTitle', { name: client.name })}
      okText={t('client.transfer')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'transfer-submit' }}
      data-testid="transfer-modal"
    >
      <Form<TransferValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ managerId: client.managerId, teamId: client.teamId }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item name="ownerId" label={t('client.transferOwner')} rules={[{ required: true, message: t('clientForm.ownerRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={owners.filter((o) => o.value !== client.ownerId)} loading={people.loading} data-testid="transfer-owner" />
        </Form.Item>
        <Form.Item name="managerId" label={t('client.transferManager')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={managers} placeholder={t('clientForm.managerPlaceholder')} />
        </Form.Item>
        <Form.Item name="teamId" label={t('client.transferTeam')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={teams.data ?? []} placeholder={t('clientForm.teamPlaceholder')} />
        </Form.Item>
        <Form.Item name="reason" label={t('client.transferReason')} rules={[{ max: 500, message: t('validation.max', { label: t('client.reason'), max: 500 }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('client.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type GradeChoice = Grade | 'auto';

function GradeModal({ client, open, onClose }: { client: Client; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ grade: GradeChoice; reason: string }>();
  const saved = useSaved(client, onClose);
  const mutation = useMutation({
    mutationFn: (v: { grade: GradeChoice; reason: string }) =>
      clientsApi.grade(client.id, { grade: v.grade === 'auto' ? null : v.grade, reason: v.reason.trim() }),
    onSuccess: (c) => {
      message.success(t('client.gradeChanged', { name: c.name }));
      saved(c);
    },
    onError: (err) => applyServerErrors(err, form, ['grade', 'reason'], (text) => message.error(text)),
  });
  return (
    <Modal
      open={open}
      title={t('client.gradeTitle', { name: client.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'grade-submit' }}
      data-testid="grade-modal"
    >
      <Typography.Paragraph type="secondary">{t('client.gradeHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ grade: client.grade }} onFinish={(v) => mutation.mutate(v)}>
        <Form.Item name="grade" label={t('client.newGrade')}>
          <Radio.Group
            optionType="button"
            options={[
              ...GRADES.map((g) => ({ value: g, label: t(`clients.grades.${g}`) })),
              { value: 'auto', label: t('client.gradeAuto') },
            ]}
            data-testid="grade-choice"
          />
        </Form.Item>
        <ReasonField />
      </Form>
    </Modal>
  );
}

function ReasonField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="reason"
      label={t('client.reason')}
      rules={[
        { required: true, whitespace: true, message: t('validation.required', { label: t('client.reason') }) },
        { max: 500, message: t('validation.max', { label: t('client.reason'), max: 500 }) },
      ]}
    >
      <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} placeholder={t('client.reasonPlaceholder')} data-testid="action-reason" />
    </Form.Item>
  );
}

/** `status` undefined: closed; null: back to the derived status. */
function StatusModal({ client, status, onClose }: { client: Client; status: 'lost' | 'dismissed' | null | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const saved = useSaved(client, onClose);
  const mutation = useMutation({
    mutationFn: (v: { reason: string }) => clientsApi.status(client.id, { status: status ?? null, reason: v.reason.trim() }),
    onSuccess: (c) => {
      message.success(t('client.statusChanged', { name: c.name }));
      saved(c);
    },
    onError: (err) => applyServerErrors(err, form, ['reason'], (text) => message.error(text)),
  });
  const title =
    status === 'lost'
      ? t('client.statusTitleLost', { name: client.name })
      : status === 'dismissed'
        ? t('client.statusTitleDismissed', { name: client.name })
        : t('client.statusRestoreTitle', { name: client.name });
  const content =
    status === 'lost' ? t('client.statusContentLost') : status === 'dismissed' ? t('client.statusContentDismissed') : t('client.statusRestoreContent');
  return (
    <Modal
      open={status !== undefined}
      title={title}
      okText={t('common.confirm')}
      okButtonProps={{ danger: status !== null, 'data-testid': 'status-submit' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      data-testid="status-modal"
    >
      <Typography.Paragraph type="secondary">{content}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => mutation.mutate(v)}>
        <ReasonField />
      </Form>
    </Modal>
  );
}
