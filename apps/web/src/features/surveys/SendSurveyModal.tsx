import { useEffect, useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SurveyCreate, SurveySent } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/session';
import { formatDate } from '../../app/format';
import { applyServerErrors } from '../../components/formErrors';
import { clientKeys } from '../clients/clients.api';
import { useContacts } from '../clients/related.api';
import { ClientPicker } from '../interactions/ClientPicker';
import { useMatterOptions } from '../interactions/interactions.api';
import { RecordAnswersDrawer } from './RecordAnswersDrawer';
import { surveyKeys, surveysApi, surveyUrl, useSurveyTemplates } from './surveys.api';

interface SendSurveyModalProps {
  open: boolean;
  onClose: () => void;
  /** the client of the page it is opened from; otherwise picked here */
  client?: { id: string; name: string };
  /** M-4: the closed matter whose survey is due */
  matter?: { id: string; title: string };
}

type Values = { templateId: string; clientId: string; contactId?: string; matterId?: string; expiresInDays: number };
const FIELDS = ['templateId', 'clientId', 'contactId', 'matterId', 'expiresInDays'] as const;

/** V-2: send a survey by personal link; the link is shown once, with a copy button. */
export function SendSurveyModal({ open, onClose, client, matter }: SendSurveyModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const templates = useSurveyTemplates();
  const canSeeMatters = useCan('matters:read');
  const [sent, setSent] = useState<SurveySent | null>(null);
  const [recording, setRecording] = useState(false);
  const clientId = Form.useWatch('clientId', form) ?? client?.id;
  const templateId = Form.useWatch('templateId', form);
  const contacts = useContacts(clientId ?? '');
  const matters = useMatterOptions(clientId, canSeeMatters && !matter);
  const satisfaction = templates.data?.find((x) => x.kind === 'satisfaction');

  useEffect(() => {
    if (open && satisfaction && !form.getFieldValue('templateId')) form.setFieldValue('templateId', satisfaction.id);
  }, [open, satisfaction, form]);

  const send = useMutation({
    mutationFn: (v: Values) => surveysApi.send({ ...v, contactId: v.contactId ?? null, matterId: matter?.id ?? v.matterId ?? null } satisfies SurveyCreate),
    onSuccess: (s) => {
      setSent(s);
      message.success(t('surveys.send.done'));
      void queryClient.invalidateQueries({ queryKey: surveyKeys.all });
      void queryClient.invalidateQueries({ queryKey: clientKeys.detail(s.clientId) });
      // M-4: the matter's survey obligation (and its task) may now be done
      if (s.matterId) {
        void queryClient.invalidateQueries({ queryKey: ['standards'] });
        void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      }
    },
    onError: (err) => applyServerErrors(err, form, FIELDS, (text) => message.error(text)),
  });

  const link = sent ? surveyUrl(sent.path) : '';
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      message.success(t('surveys.send.copied'));
    } catch {
      message.warning(t('common.copyFailed'));
    }
  }

  return (
    <>
      <Modal
        open={open}
        title={matter ? t('surveys.send.matterTitle') : t('surveys.send.title')}
        onCancel={onClose}
        destroyOnHidden
        afterClose={() => setSent(null)}
        footer={
          sent ? (
            <Flex justify="flex-end" gap={8} wrap>
              <Button onClick={() => setRecording(true)} data-testid="survey-record-now">
                {t('surveys.send.recordNow')}
              </Button>
              <Button type="primary" onClick={onClose} data-testid="survey-send-close">
                {t('surveys.send.finish')}
              </Button>
            </Flex>
          ) : (
            <Flex justify="flex-end" gap={8}>
              <Button onClick={onClose}>{t('common.cancel')}</Button>
              <Button type="primary" loading={send.isPending} onClick={() => form.submit()} data-testid="survey-send-submit">
                {t('surveys.send.submit')}
              </Button>
            </Flex>
          )
        }
        data-testid="survey-send"
      >
        {sent ? (
          <Flex vertical gap={12} data-testid="survey-link-result">
            <Alert type="success" showIcon title={t('surveys.send.linkReady', { date: formatDate(sent.expiresAt) })} />
            {sent.obligationCompleted ? <Alert type="info" showIcon title={t('surveys.send.obligationDone')} data-testid="survey-obligation-done" /> : null}
            <Typography.Text type="secondary">{t('surveys.send.linkHint')}</Typography.Text>
            <Flex gap={8}>
              <Input readOnly value={link} onFocus={(e) => e.target.select()} data-testid="survey-link" />
              <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="survey-link-copy">
                {t('surveys.send.copy')}
              </Button>
            </Flex>
          </Flex>
        ) : (
          <Form<Values>
            form={form}
            layout="vertical"
            requiredMark
            initialValues={{ clientId: client?.id, templateId: satisfaction?.id, expiresInDays: 30 }}
            onFinish={(v) => send.mutate({ ...v, clientId: v.clientId ?? client?.id })}
            disabled={send.isPending}
          >
            {client ? (
              <Form.Item label={t('surveys.fields.client')}>
                <Typography.Text strong>{client.name}</Typography.Text>
                {matter ? <Typography.Text type="secondary">{` · ${matter.title}`}</Typography.Text> : null}
              </Form.Item>
            ) : (
              <Form.Item name="clientId" label={t('surveys.fields.client')} rules={[{ required: true, message: t('surveys.send.pickClient') }]}>
                <ClientPicker />
              </Form.Item>
            )}
            <Form.Item name="templateId" label={t('surveys.fields.template')} rules={[{ required: true }]}>
              <Radio.Group data-testid="survey-template">
                <Flex vertical gap={6}>
                  {/* M-4: from a closed matter, only the satisfaction questionnaire */}
                  {(templates.data ?? []).filter((tpl) => !matter || tpl.kind === 'satisfaction').map((tpl) => (
                    <Radio key={tpl.id} value={tpl.id} data-testid={`survey-template-${tpl.kind}`}>
                      {tpl.name}
                    </Radio>
                  ))}
                </Flex>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="contactId" label={t('surveys.fields.contact')} extra={t('surveys.send.contactHint')}>
              <Select
                allowClear
                disabled={!clientId}
                loading={contacts.isLoading}
                options={(contacts.data ?? []).filter((c) => c.status !== 'left').map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))}
                data-testid="survey-contact"
              />
            </Form.Item>
            {canSeeMatters && !matter && templateId === satisfaction?.id ? (
              <Form.Item name="matterId" label={t('surveys.fields.matter')} extra={t('surveys.send.matterHint')}>
                <Select allowClear disabled={!clientId} loading={matters.isLoading} options={(matters.data?.items ?? []).map((m) => ({ value: m.id, label: m.title }))} />
              </Form.Item>
            ) : null}
            <Form.Item name="expiresInDays" label={t('surveys.fields.expiresInDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={180} precision={0} addonAfter={t('surveys.send.days')} style={{ width: 160 }} data-testid="survey-expiry" />
            </Form.Item>
          </Form>
        )}
      </Modal>
      {sent ? <RecordAnswersDrawer surveyId={sent.id} open={recording} onClose={() => setRecording(false)} onDone={onClose} /> : null}
    </>
  );
}
