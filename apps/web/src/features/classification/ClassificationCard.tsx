import { useState, type ReactNode } from 'react';
import { App, Button, Card, Flex, Form, Input, Modal, Radio, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { TIERS, type Client, type ClassificationChange, type ClientClassification, type Tier } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useSessionUser } from '../../app/auth/session';
import { applyServerErrors } from '../../components/formErrors';
import { RelativeTime } from '../../components/RelativeTime';
import { GradeTag, StatusTag, TierTag } from '../clients/ClientTags';
import { useClientClassification, useSetTier } from './classification.api';

const HISTORY_SHOWN = 5;

/** K-1..K-6 on the client page: each value with why, the recent changes, and the tier override. */
export function ClassificationCard({ client }: { client: Client }) {
  const { t } = useTranslation();
  const me = useSessionUser().user;
  const q = useClientClassification(client.id);
  const [editing, setEditing] = useState(false);
  // as for grade: the owner, a partner or an admin
  const mayOverride = me.role === 'admin' || me.role === 'partner' || client.ownerId === me.id;
  const c = q.data;

  return (
    <Card
      variant="borderless"
      size="small"
      title={t('classification.card.title')}
      data-testid="classification-card"
      extra={
        mayOverride && c ? (
          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="tier-override">
            {t('classification.card.setTier')}
          </Button>
        ) : null
      }
    >
      {!c ? (
        q.error ? <Typography.Text type="secondary">{t('classification.card.loadError')}</Typography.Text> : <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <Flex vertical gap={10}>
          <Line label={t('classification.card.grade')} value={<GradeTag grade={c.grade} manual={c.gradeManual} />} cause={c.causes.grade} />
          <Line
            label={t('classification.card.rfm')}
            value={
              <Flex gap={4}>
                <Score name="R" v={c.rfm.r} cause={c.causes.r} />
                <Score name="F" v={c.rfm.f} cause={c.causes.f} />
                <Score name="M" v={c.rfm.m} cause={c.causes.m} />
              </Flex>
            }
          />
          <Line
            label={t('classification.card.tier')}
            value={
              <Flex gap={4} align="center">
                <TierTag tier={c.tier} />
                {c.tierManual ? <Typography.Text type="secondary">{t('client.manualTag')}</Typography.Text> : null}
              </Flex>
            }
            cause={c.causes.tier}
          />
          <Line label={t('classification.card.quadrant')} value={c.quadrant ? <Tag style={{ marginInlineEnd: 0 }}>{t(`classification.quadrants.${c.quadrant}`)}</Tag> : '—'} cause={c.causes.quadrant} />
          <Line label={t('classification.card.status')} value={<StatusTag status={c.status} manual={c.statusManual} />} cause={c.causes.status} />
          <History items={c.history} />
        </Flex>
      )}
      {c ? <TierModal classification={c} clientName={client.name} open={editing} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}

function Line({ label, value, cause }: { label: string; value: ReactNode; cause?: string }) {
  return (
    <div>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text type="secondary">{label}</Typography.Text>
        {value}
      </Flex>
      {cause ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 2 }}>
          {cause}
        </Typography.Text>
      ) : null}
    </div>
  );
}

function Score({ name, v, cause }: { name: string; v: number; cause: string }) {
  return (
    <Tooltip title={cause}>
      <Tag color={v >= 4 ? 'green' : v === 3 ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
        {name}={v}
      </Tag>
    </Tooltip>
  );
}

function History({ items }: { items: ClassificationChange[] }) {
  const { t } = useTranslation();
  const shown = items.filter((h) => h.field !== 'quadrant').slice(0, HISTORY_SHOWN);
  if (!shown.length) return null;
  const word = (h: ClassificationChange, v: string | null) => {
    if (v === null) return t('common.empty');
    if (h.field === 'grade') return t(`clients.grades.${v as 'A'}`);
    if (h.field === 'tier') return t(`clients.tiers.${v as Tier}`);
    return t(`clients.statuses.${v as 'active'}`);
  };
  return (
    <div>
      <Typography.Text strong style={{ fontSize: 12 }}>
        {t('classification.card.history')}
      </Typography.Text>
      <Flex vertical gap={4} style={{ marginTop: 4 }} data-testid="classification-history">
        {shown.map((h) => (
          <Typography.Text key={h.id} style={{ fontSize: 12 }}>
            <RelativeTime iso={h.at} type="secondary" />{' '}
            {t(`classification.fields.${h.field}`)}
            {t('client.colon')}
            {word(h, h.from)} → {word(h, h.to)} ·{' '}
            {h.cause === 'manual' ? t('classification.card.byPerson', { name: h.actorName ?? t('timeline.system') }) : t('classification.card.byRule')}
            {h.reason ? `（${h.reason}）` : ''}
          </Typography.Text>
        ))}
      </Flex>
    </div>
  );
}

type TierChoice = Tier | 'auto';

function TierModal({ classification, clientName, open, onClose }: { classification: ClientClassification; clientName: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ tier: TierChoice; reason?: string }>();
  const mutation = useSetTier(classification.clientId);
  const choice = Form.useWatch('tier', form);
  const submit = (v: { tier: TierChoice; reason?: string }) =>
    mutation.mutate(
      { tier: v.tier === 'auto' ? null : v.tier, ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) },
      {
        onSuccess: () => {
          message.success(t('classification.tierModal.saved', { name: clientName }));
          onClose();
        },
        onError: (err) => applyServerErrors(err, form, ['tier', 'reason'], (text) => message.error(text)),
      },
    );
  return (
    <Modal
      open={open}
      title={t('classification.tierModal.title', { name: clientName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      data-testid="tier-modal"
    >
      <Typography.Paragraph type="secondary">{t('classification.tierModal.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ tier: classification.tierManual && classification.tier ? classification.tier : 'auto' }} onFinish={submit}>
        <Form.Item name="tier" label={t('classification.card.tier')}>
          <Radio.Group
            optionType="button"
            options={[...TIERS.map((v) => ({ value: v, label: t(`clients.tiers.${v}`) })), { value: 'auto', label: t('classification.tierModal.auto') }]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('client.reason')}
          rules={[
            { required: choice !== 'auto', whitespace: true, message: t('validation.required', { label: t('client.reason') }) },
            { max: 500, message: t('validation.max', { label: t('client.reason'), max: 500 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} placeholder={t('client.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
