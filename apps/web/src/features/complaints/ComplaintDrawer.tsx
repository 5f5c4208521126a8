import { Alert, App, Card, Descriptions, Drawer, Flex, Grid, Result, Select, Skeleton, Steps, Tag, Timeline, Typography } from 'antd';
import type { StepsProps } from 'antd';
import type { ComplaintDetail } from '@retainer/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/auth/session';
import { formatDateTime } from '../../app/format';
import { usePeopleOptions } from '../clients/usePeopleOptions';
import { useComplaint, useSetHandler } from './complaints.api';
import { causeName, channelName, STAGE_COLORS, STAGE_STEP, stepLines, stepName } from './complaintFormat';
import { ComplaintStepForm } from './ComplaintStepForm';

/** the six steps as Ant Design Steps: done, the one waiting, the rest (or skipped when invalid). */
function stepItems(c: ComplaintDetail, t: TFunction): StepsProps['items'] {
  const next = STAGE_STEP[c.stage];
  const last = new Map<number, ComplaintDetail['steps'][number]>();
  for (const s of c.steps) last.set(s.step, s);
  return [1, 2, 3, 4, 5, 6].map((n) => {
    const done = last.get(n);
    const status: 'finish' | 'process' | 'wait' = n === next ? 'process' : done && (next === null || n < next) ? 'finish' : 'wait';
    const skipped = c.valid === false && n >= 3 && n <= 5;
    return {
      title: stepName(t, n),
      status,
      content: skipped ? '—' : done && status === 'finish' ? `${done.actor?.name ?? ''} ${formatDateTime(done.at).slice(5)}` : undefined,
    };
  });
}

function HandlerField({ c }: { c: ComplaintDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canHandle = useCan('complaints:handle');
  const people = usePeopleOptions(c.handler ? [{ value: c.handler.id, label: c.handler.name }] : []);
  const set = useSetHandler(c.id);
  if (!canHandle || c.stage === 'closed') return <>{c.handler?.name ?? t('complaints.detail.noHandler')}</>;
  return (
    <Select<string>
      allowClear
      size="small"
      showSearch={{ optionFilterProp: 'label' }}
      value={c.handler?.id}
      placeholder={t('complaints.detail.noHandler')}
      options={people.options.filter((p) => p.value !== c.targetUser?.id)}
      loading={people.loading || set.isPending}
      onChange={(v) => set.mutate(v ?? null, { onSuccess: () => void message.success(t('complaints.detail.handlerSaved')), onError: (e) => void message.error(e.message) })}
      style={{ minWidth: 140, maxWidth: 220 }}
      aria-label={t('complaints.detail.assignHandler')}
      data-testid="complaint-handler"
    />
  );
}

function Body({ c }: { c: ComplaintDetail }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const names = new Map<string, string>();
  for (const p of [c.targetUser, c.responsibleUser, c.handler, c.recordedBy]) if (p) names.set(p.id, p.name);
  const next = STAGE_STEP[c.stage];
  let rounds = 0;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Link to={`/clients/${c.clientId}`}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {c.clientName}
          </Typography.Text>
        </Link>
        <Tag color={STAGE_COLORS[c.stage]} data-testid="complaint-stage">
          {t(`complaints.stages.${c.stage}`)}
        </Tag>
      </Flex>
      <Steps size="small" current={next === null ? 5 : next - 1} orientation={phone ? 'vertical' : 'horizontal'} titlePlacement={phone ? undefined : 'vertical'} items={stepItems(c, t)} data-testid="complaint-steps" />
      <Descriptions size="small" column={phone ? 1 : 2} bordered styles={{ label: { whiteSpace: 'nowrap', width: phone ? 96 : 110 } }}>
        <Descriptions.Item label={t('complaints.fields.complainant')}>{c.complainantName}</Descriptions.Item>
        <Descriptions.Item label={t('complaints.fields.receivedAt')}>
          {formatDateTime(c.receivedAt)} · {channelName(t, c.channel)}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.fields.targetUser')}>{c.targetUser?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('complaints.fields.targetMatter')}>{c.targetMatter ? <Link to={`/matters/${c.targetMatter.id}`}>{c.targetMatter.title}</Link> : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('complaints.fields.handler')}>
          <HandlerField c={c} />
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.fields.recordedBy')}>{c.recordedBy?.name ?? '—'}</Descriptions.Item>
        {c.cause ? <Descriptions.Item label={t('complaints.fields.cause')}>{causeName(t, c.cause)}</Descriptions.Item> : null}
        {c.step >= 3 && c.valid ? <Descriptions.Item label={t('complaints.fields.responsibleUser')}>{c.responsibleUser?.name ?? t('complaints.step.noPerson')}</Descriptions.Item> : null}
        <Descriptions.Item label={t('complaints.fields.content')} span={phone ? 1 : 2}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{c.content}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.fields.demands')} span={phone ? 1 : 2}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{c.demands}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.fields.statement')} span={phone ? 1 : 2}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', fontStyle: 'italic' }}>「{c.statement}」</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>

      {next !== null ? (
        c.canAct ? (
          <Card size="small" title={t('complaints.detail.next', { step: stepName(t, next) })} data-testid="complaint-next">
            <ComplaintStepForm key={`${c.id}-${c.steps.length}`} complaint={c} />
          </Card>
        ) : (
          <Alert type="info" showIcon title={t('complaints.detail.next', { step: stepName(t, next) })} description={t('complaints.detail.noRight')} data-testid="complaint-no-right" />
        )
      ) : (
        <Alert type="success" showIcon title={t('complaints.detail.closed')} data-testid="complaint-closed" />
      )}

      <div>
        <Typography.Title level={5}>{t('complaints.detail.history')}</Typography.Title>
        <Timeline
          data-testid="complaint-history"
          items={c.steps.map((s) => {
            if (s.step === 4) rounds++;
            return {
              key: s.id,
              color: s.step === 5 && s.data.accepted === false ? 'orange' : s.step === 6 ? 'green' : 'blue',
              content: (
                <Flex vertical gap={2}>
                  <Flex gap={8} wrap align="baseline">
                    <Typography.Text strong>{stepName(t, s.step)}</Typography.Text>
                    {s.step === 4 && rounds > 1 ? <Tag>{t('complaints.detail.loop', { n: rounds })}</Tag> : null}
                    <Typography.Text type="secondary">
                      {s.actor?.name ?? ''} · {formatDateTime(s.at)}
                    </Typography.Text>
                  </Flex>
                  {stepLines(t, s, names).map(([label, text]) => (
                    <Typography.Text key={label} type="secondary" style={{ wordBreak: 'break-word' }}>
                      {label}
                      {t('client.colon')}
                      {text}
                    </Typography.Text>
                  ))}
                </Flex>
              ),
            };
          })}
        />
      </div>
    </Flex>
  );
}

/** The complaint's detail in a drawer over the board: six steps, who/when/what, the next step's form. */
export function ComplaintDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const q = useComplaint(id);
  return (
    <Drawer open={!!id} onClose={onClose} title={t('complaints.detail.title')} size={phone ? '100%' : 760} destroyOnHidden data-testid="complaint-drawer">
      {q.error ? <Result status="404" subTitle={t('complaints.detail.notFound')} /> : q.data ? <Body c={q.data} /> : <Skeleton active paragraph={{ rows: 10 }} />}
    </Drawer>
  );
}
