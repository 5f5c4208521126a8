import { useState } from 'react';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { COMPLETING_KINDS, type Touchpoint } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { clientKeys } from '../clients/clients.api';
import { InteractionDrawer } from '../interactions/InteractionDrawer';
import { careApi, careKeys } from './care.api';
import { touchpointTitle } from './careFormat';

/**
 * 记录互动 (the interaction drawer pre-filled for the touchpoint, P-6) and 跳过 (with a reason)
 * for any list of touchpoints; `elements` renders the drawer and the modal.
 */
export function useTouchpointActions() {
  const queryClient = useQueryClient();
  const [logging, setLogging] = useState<{ tp: Touchpoint | null; key: number; open: boolean }>({ tp: null, key: 0, open: false });
  const [skipping, setSkipping] = useState<Touchpoint | null>(null);
  const refresh = (clientId: string) => {
    void queryClient.invalidateQueries({ queryKey: careKeys.all });
    void queryClient.invalidateQueries({ queryKey: clientKeys.detail(clientId) });
  };
  const tp = logging.tp;
  const elements = (
    <>
      {tp ? (
        <InteractionDrawer
          key={logging.key}
          open={logging.open}
          client={{ id: tp.clientId, name: tp.clientName }}
          initialKind={COMPLETING_KINDS[tp.kind][0]}
          touchpointId={tp.id}
          onSaved={() => refresh(tp.clientId)}
          notice={<LogNotice tp={tp} />}
          onClose={() => setLogging((l) => ({ ...l, open: false }))}
        />
      ) : null}
      <SkipModal tp={skipping} onClose={() => setSkipping(null)} onSkipped={refresh} />
    </>
  );
  return {
    onLog: (next: Touchpoint) => setLogging((l) => ({ tp: next, key: l.key + 1, open: true })),
    onSkip: setSkipping,
    elements,
  };
}

function SkipModal({ tp, onClose, onSkipped }: { tp: Touchpoint | null; onClose: () => void; onSkipped: (clientId: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const skip = useMutation({
    mutationFn: (reason: string) => careApi.skip(tp!.id, reason),
    onSuccess: (saved) => {
      message.success(t('care.skip.done'));
      onSkipped(saved.clientId);
      onClose();
    },
    onError: (err) => {
      message.error(err instanceof Error ? err.message : String(err));
      // 409: no longer open (done or skipped elsewhere): show the current state
      if (tp) onSkipped(tp.clientId);
    },
  });
  const title = tp ? touchpointTitle(t, tp) : null;
  return (
    <Modal
      open={!!tp}
      title={t('care.skip.title')}
      okText={t('care.skip.ok')}
      okButtonProps={{ danger: true, loading: skip.isPending, 'data-testid': 'skip-confirm' }}
      cancelButtonProps={{ disabled: skip.isPending }}
      onOk={() => form.submit()}
      onCancel={() => !skip.isPending && onClose()}
      destroyOnHidden
      data-testid="skip-modal"
    >
      {tp && title ? (
        <Typography.Paragraph type="secondary">
          {t('care.skip.what', { client: tp.clientName, kind: [title.kind, title.occasion].filter(Boolean).join(' · '), due: tp.dueOn })}
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => skip.mutate(v.reason.trim())} disabled={skip.isPending} preserve={false}>
        <Form.Item
          name="reason"
          label={t('care.skip.reason')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required', { label: t('care.skip.reason') }) },
            { max: 500, message: t('validation.max', { label: t('care.skip.reason'), max: 500 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} placeholder={t('care.skip.placeholder')} autoFocus data-testid="skip-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LogNotice({ tp }: { tp: Touchpoint }) {
  const { t } = useTranslation();
  const title = touchpointTitle(t, tp);
  return t('care.logNotice', { kind: [title.kind, title.occasion].filter(Boolean).join(' · '), due: tp.dueOn });
}
