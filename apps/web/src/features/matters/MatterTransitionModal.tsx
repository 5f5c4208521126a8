import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Matter, MatterStatus } from '@retainer/shared';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../components/formErrors';
import { clientKeys } from '../clients/clients.api';
import { firmToday, isFutureDay } from './matterForm';
import { matterKeys, mattersApi } from './matters.api';

interface Values {
  at: Dayjs;
  outcome?: string;
}

/** M-1: confirms the one next step; closing asks for the outcome and the closing day. */
export function MatterTransitionModal({ matter, to, onClose }: { matter: Matter; to: MatterStatus | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const closing = to === 'closed';

  const mutation = useMutation({
    mutationFn: (v: Values) =>
      mattersApi.transition(matter.id, {
        to: to!,
        // today means "now"; an earlier day is recorded as that day
        ...(v.at.isSame(firmToday(), 'day') ? {} : { at: v.at.format('YYYY-MM-DD') }),
        ...(closing && v.outcome?.trim() ? { outcome: v.outcome.trim() } : {}),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(matterKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: matterKeys.all });
      void queryClient.invalidateQueries({ queryKey: clientKeys.detail(saved.clientId) });
      message.success(t('matters.transition.done', { status: t(`matters.statuses.${saved.status}`) }));
      onClose();
    },
    onError: (err) => applyServerErrors(err, form, ['at', 'outcome'], (text) => message.error(text)),
  });

  return (
    <Modal
      open={to !== null}
      title={to ? t('matters.transition.confirmTitle', { status: t(`matters.statuses.${to}`) }) : null}
      okText={to ? t(`matters.transition.actions.${to as Exclude<MatterStatus, 'intake'>}`) : t('common.confirm')}
      okButtonProps={{ loading: mutation.isPending, 'data-testid': 'matter-transition-confirm' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="matter-transition-modal"
    >
      <Typography.Paragraph type="secondary">{t('matters.transition.confirmContent')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ at: firmToday(), outcome: matter.outcome ?? '' }}
        onFinish={(v) => mutation.mutate(v)}
        disabled={mutation.isPending}
      >
        <Form.Item name="at" label={t('matters.transition.at')} rules={[{ required: true, message: t('validation.select', { label: t('matters.transition.at') }) }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => isFutureDay(d) || d.isBefore(matter.openedOn, 'day')} allowClear={false} />
        </Form.Item>
        {closing ? (
          <Form.Item
            name="outcome"
            label={t('matters.transition.outcome')}
            rules={[{ required: true, whitespace: true, message: t('matters.transition.outcomeRequired') }, { max: 2000 }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} placeholder={t('matters.transition.outcomePlaceholder')} data-testid="matter-transition-outcome" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
