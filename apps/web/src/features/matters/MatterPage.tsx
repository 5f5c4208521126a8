import { useState, type ReactNode } from 'react';
import { Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Steps, Typography } from 'antd';
import { ArrowRightOutlined, EditOutlined } from '@ant-design/icons';
import { MATTER_STATUSES, type Matter, type MatterStatus } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiRequestError } from '../../app/api/client';
import { useCan } from '../../app/auth/session';
import { formatDate } from '../../app/format';
import { useBreadcrumbTail } from '../../app/layout/BreadcrumbTail';
import { LoadError } from '../../components/ErrorResults';
import { formatFen } from '../clients/clientFormat';
import { ChecklistCard } from './ChecklistCard';
import { FeesCard } from './FeesCard';
import { KeyDatesCard } from './KeyDatesCard';
import { MatterFormDrawer } from './MatterFormDrawer';
import { MatterStatusTag, MatterTypeTag } from './MatterTags';
import { MembersCard, OpposingPartiesCard } from './MatterTeamCard';
import { MatterTransitionModal } from './MatterTransitionModal';
import { StandardsCard } from './StandardsCard';
import { MatterSurveyButton } from '../surveys/MatterSurveyButton';
import { useMatter } from './matters.api';

/** M-1 record page: header with status and the next step, fields, team, opposing parties, fees. */
export function MatterPage() {
  const { id = '' } = useParams();
  const matter = useMatter(id);
  useBreadcrumbTail(matter.data?.title);

  if (matter.error instanceof ApiRequestError && matter.error.status === 404) return <MatterNotFound />;
  if (matter.error && !matter.data) return <LoadError error={matter.error} onRetry={() => void matter.refetch()} />;
  if (!matter.data) return <MatterSkeleton />;
  return <MatterView matter={matter.data} />;
}

function MatterView({ matter }: { matter: Matter }) {
  const { t } = useTranslation();
  const canWrite = useCan('matters:write');
  const [editing, setEditing] = useState({ open: false, key: 0 });
  const [moving, setMoving] = useState<MatterStatus | null>(null);
  const next = matter.nextStatus;
  const step = MATTER_STATUSES.indexOf(matter.status);

  return (
    <Flex vertical gap={16} data-testid="matter-page" data-matter-id={matter.id}>
      <Card variant="borderless" styles={{ body: { padding: '20px 24px' } }} data-testid="matter-header">
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <Flex vertical gap={8} style={{ minWidth: 0, flex: '1 1 420px' }}>
            <Flex align="center" gap={10} wrap>
              <Typography.Title level={3} style={{ margin: 0, minWidth: 0, wordBreak: 'break-all' }} data-testid="matter-title">
                {matter.title}
              </Typography.Title>
              <MatterStatusTag status={matter.status} />
              <MatterTypeTag type={matter.type} />
            </Flex>
            <Flex gap={20} wrap style={{ color: '#595959' }}>
              <Meta label={t('matters.fields.client')}>
                <Link to={`/clients/${encodeURIComponent(matter.clientId)}?tab=matters`} data-testid="matter-client">
                  {matter.clientName}
                </Link>
              </Meta>
              <Meta label={t('matters.fields.leadLawyer')}>{matter.leadLawyerName ?? t('common.empty')}</Meta>
              {matter.caseNumber ? <Meta label={t('matters.fields.caseNumber')}>{matter.caseNumber}</Meta> : null}
            </Flex>
          </Flex>
          {canWrite ? (
            <Flex gap={8} wrap>
              {next ? (
                <Button type="primary" icon={<ArrowRightOutlined />} onClick={() => setMoving(next)} data-testid="matter-transition">
                  {t(`matters.transition.actions.${next as Exclude<MatterStatus, 'intake'>}`)}
                </Button>
              ) : null}
              <MatterSurveyButton matter={matter} />
              <Button icon={<EditOutlined />} onClick={() => setEditing((e) => ({ open: true, key: e.key + 1 }))} data-testid="matter-edit">
                {t('matters.detail.edit')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
        <Steps
          size="small"
          current={step}
          status={matter.status === 'closed' ? 'finish' : 'process'}
          style={{ marginTop: 20, maxWidth: 760 }}
          items={MATTER_STATUSES.map((s) => ({ title: t(`matters.statuses.${s}`), content: stepDate(matter, s) }))}
          data-testid="matter-steps"
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Overview matter={matter} />
            <ChecklistCard matter={matter} />
            <FeesCard matter={matter} />
            <StandardsCard matter={matter} />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <KeyDatesCard matter={matter} />
            <MembersCard matter={matter} />
            <OpposingPartiesCard matter={matter} />
          </Flex>
        </Col>
      </Row>
      <MatterFormDrawer key={editing.key} open={editing.open} matter={matter} onClose={() => setEditing((e) => ({ ...e, open: false }))} />
      <MatterTransitionModal key={moving ?? 'none'} matter={matter} to={moving} onClose={() => setMoving(null)} />
    </Flex>
  );
}

function stepDate(m: Matter, s: MatterStatus): string | undefined {
  if (s === 'intake') return m.openedOn;
  if (s === 'engaged') return m.engagedAt ? formatDate(m.engagedAt) : undefined;
  if (s === 'closed') return m.closedOn ?? undefined;
  return undefined;
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <span>
      <Typography.Text type="secondary">
        {label}
        {t('matters.detail.colon')}
      </Typography.Text>
      <Typography.Text>{children}</Typography.Text>
    </span>
  );
}

function Overview({ matter: m }: { matter: Matter }) {
  const { t } = useTranslation();
  const dash = t('common.empty');
  const money = (fen: number | null) => (fen === null ? dash : formatFen(fen));
  const items = [
    { key: 'type', label: t('matters.fields.type'), children: t(`matters.types.${m.type}`) },
    { key: 'forum', label: t('matters.fields.forum'), children: m.forum ?? dash },
    { key: 'amount', label: t('matters.fields.amountInDispute'), children: money(m.amountInDisputeFen) },
    { key: 'arrangement', label: t('matters.fields.feeArrangement'), children: m.feeArrangement ? t(`matters.feeArrangements.${m.feeArrangement}`) : dash },
    { key: 'agreed', label: t('matters.fields.agreedFee'), children: money(m.agreedFeeFen) },
    { key: 'received', label: t('matters.fields.feesReceived'), children: formatFen(m.feesTotalFen) },
    { key: 'opened', label: t('matters.fields.openedOn'), children: m.openedOn },
    { key: 'engaged', label: t('matters.fields.engagedAt'), children: m.engagedAt ? formatDate(m.engagedAt) : dash },
    { key: 'closed', label: t('matters.fields.closedOn'), children: m.closedOn ?? dash },
    ...(m.type === 'retainer' ? [{ key: 'expires', label: t('matters.fields.retainerExpiresOn'), children: m.retainerExpiresOn ?? dash }] : []),
    { key: 'outcome', label: t('matters.fields.outcome'), span: 'filled' as const, children: m.outcome ?? dash },
  ];
  return (
    <Card variant="borderless" title={t('matters.detail.overview')} data-testid="matter-overview">
      <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" items={items} />
    </Card>
  );
}

function MatterSkeleton() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} data-testid="matter-loading" aria-label={t('matters.detail.loading')}>
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 2 }} />
      </Card>
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    </Flex>
  );
}

/** a matter one may not see answers 404, and looks like one. */
function MatterNotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('matters.detail.notFoundTitle')}
      subTitle={t('matters.detail.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/matters', { replace: true })}>
          {t('matters.detail.backToList')}
        </Button>
      }
      data-testid="page-404"
    />
  );
}
