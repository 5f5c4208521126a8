import { useState } from 'react';
import { App, Button, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import { SLA_TARGETS, type ServiceRequestDetail, type SlaTarget } from '@retainer/shared';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../components/formErrors';
import { requestsApi, useRequestMutation } from './requests.api';

type Mode = 'reply' | 'opinion' | 'commit' | null;
interface Values {
  at?: Dayjs;
  note?: string;
  target?: SlaTarget;
  committedAt?: Dayjs;
  toldAt?: Dayjs;
}

/** S-2/S-3 actions on an open request: first reply, first opinion, a commitment, close/reopen. */
export function RequestActions({ request }: { request: ServiceRequestDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [mode, setMode] = useState<Mode>(null);
  const [form] = Form.useForm<Values>();
  const id = request.id;
  const save = useRequestMutation(async (v: Values & { mode: Exclude<Mode, null> }) => {
    const note = v.note?.trim() || null;
    if (v.mode === 'commit') {
      return requestsApi.commit(id, { target: v.target!, committedAt: v.committedAt!.toISOString(), toldAt: (v.toldAt ?? dayjs()).toISOString(), note });
    }
    const body = { at: v.at?.toISOString(), note };
    return v.mode === 'reply' ? requestsApi.reply(id, body) : requestsApi.opinion(id, body);
  });
  const close = useRequestMutation(() => requestsApi.close(id));
  const reopen = useRequestMutation(() => requestsApi.reopen(id));
  const done = { reply: t('requests.actions.replied'), opinion: t('requests.actions.opinionGiven'), commit: t('requests.actions.committed') };

  const start = (m: Exclude<Mode, null>) => {
    form.resetFields();
    const target = request.reply.doneAt ? 'opinion' : 'reply';
    form.setFieldsValue(m === 'commit' ? { target, toldAt: dayjs(), committedAt: dayjs().add(1, 'day').hour(17).minute(0).second(0) } : { at: dayjs() });
    setMode(m);
  };

  if (request.status === 'closed') {
    return (
      <Button onClick={() => reopen.mutate(undefined, { onSuccess: () => message.success(t('requests.actions.reopened')), onError: (e) => message.error(e.message) })} loading={reopen.isPending} data-testid="request-reopen">
        {t('requests.actions.reopen')}
      </Button>
    );
  }
  const open = SLA_TARGETS.filter((s) => !request[s].doneAt);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        {!request.reply.doneAt ? (
          <Button type={mode === 'reply' ? 'primary' : 'default'} onClick={() => start('reply')} data-testid="request-action-reply">
            {t('requests.actions.reply')}
          </Button>
        ) : null}
        {!request.opinion.doneAt ? (
          <Button type={mode === 'opinion' ? 'primary' : 'default'} onClick={() => start('opinion')} data-testid="request-action-opinion">
            {t('requests.actions.opinion')}
          </Button>
        ) : null}
        {open.length ? (
          <Button type={mode === 'commit' ? 'primary' : 'default'} onClick={() => start('commit')} data-testid="request-action-commit">
            {t('requests.actions.commit')}
          </Button>
        ) : null}
        <Button
          danger
          data-testid="request-action-close"
          onClick={() =>
            modal.confirm({
              title: t('requests.actions.closeConfirm', { subject: request.subject }),
              content: t('requests.actions.closeContent'),
              okButtonProps: { danger: true, 'data-testid': 'request-close-confirm' },
              onOk: () => close.mutateAsync(undefined).then(() => void message.success(t('requests.actions.closed'))),
            })
          }
        >
          {t('requests.actions.close')}
        </Button>
      </Flex>
      {mode ? (
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark
          onFinish={(v) =>
            save.mutate(
              { ...v, mode },
              {
                onSuccess: () => {
                  message.success(done[mode]);
                  setMode(null);
                },
                onError: (err) => applyServerErrors(err, form, ['at', 'note', 'target', 'committedAt', 'toldAt'], (text) => message.error(text)),
              },
            )
          }
          onKeyDown={(e) => {
            if (e.key === 'Escape') setMode(null);
          }}
          data-testid={`request-form-${mode}`}
          style={{ background: '#fafafa', padding: 12, borderRadius: 8 }}
        >
          {mode === 'commit' ? (
            <>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('requests.actions.commitHint')}
              </Typography.Paragraph>
              <Form.Item name="target" label={t('requests.fields.target')} rules={[{ required: true }]}>
                <Select options={open.map((s) => ({ value: s, label: t(`requests.fields.${s}`) }))} />
              </Form.Item>
              <Form.Item name="committedAt" label={t('requests.fields.committedAt')} rules={[{ required: true }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="request-commit-at" />
              </Form.Item>
              <Form.Item name="toldAt" label={t('requests.fields.toldAt')} rules={[{ required: true }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="at" label={t('requests.fields.at')} rules={[{ required: true }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('requests.fields.note')}>
            <Input.TextArea rows={2} maxLength={2000} placeholder={mode === 'commit' ? '明天17点前给你回复' : undefined} />
          </Form.Item>
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => setMode(null)}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="request-action-submit">
              {t('requests.actions.save')}
            </Button>
          </Flex>
        </Form>
      ) : null}
    </Flex>
  );
}
