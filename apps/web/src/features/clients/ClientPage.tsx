import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Col, Flex, Result, Row, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Client } from '@retainer/shared';
import { ApiRequestError } from '../../app/api/client';
import { useCan } from '../../app/auth/session';
import { useBreadcrumbTail } from '../../app/layout/BreadcrumbTail';
import { LoadError } from '../../components/ErrorResults';
import { ClientTouchpointsCard } from '../care/ClientTouchpointsCard';
import { ClassificationCard } from '../classification/ClassificationCard';
import { InteractionsTab } from '../interactions/InteractionsTab';
import { NeedsCard } from '../interactions/NeedsCard';
import { ClientMattersTab } from '../matters/ClientMattersTab';
import { ClientSurveysCard } from '../surveys/ClientSurveysCard';
import { ClientComplaintsCard } from '../complaints/ClientComplaintsCard';
import { ClientActionModals, type ClientAction } from './ClientActionModals';
import { ClientFieldsPanel } from './ClientFieldsPanel';
import { ClientFormDrawer } from './ClientFormDrawer';
import { ClientHeader } from './ClientHeader';
import { useClient } from './clients.api';
import { ContactsTab } from './ContactsTab';
import { AccessLogTab, PersonnelTab } from './HistoryTabs';
import { ImportantDatesTab } from './ImportantDatesTab';
import { RelationshipsCard } from './RelationshipsCard';
import { useRelationships } from './related.api';
import { TimelineTab } from './TimelineTab';

const TABS = ['timeline', 'interactions', 'contacts', 'dates', 'matters', 'personnel', 'accessLog'] as const;
type TabKey = (typeof TABS)[number];

/** The client 360 page (UI.md): header, fields left, tabs centre, relationships right. */
export function ClientPage() {
  const { id = '' } = useParams();
  const client = useClient(id);
  useBreadcrumbTail(client.data?.name);

  if (client.error instanceof ApiRequestError && client.error.status === 404) return <ClientNotFound />;
  if (client.error && !client.data) return <LoadError error={client.error} onRetry={() => void client.refetch()} />;
  if (!client.data) return <ClientSkeleton />;
  return <ClientView client={client.data} />;
}

function ClientView({ client }: { client: Client }) {
  const { t } = useTranslation();
  const canSeeAccessLog = useCan('access-log:read');
  const canSeeMatters = useCan('matters:read');
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tabs = TABS.filter((k) => (k !== 'accessLog' || canSeeAccessLog) && (k !== 'matters' || canSeeMatters));
  const tab: TabKey = tabs.find((k) => k === requested) ?? 'timeline';
  const [editing, setEditing] = useState({ open: false, key: 0 });
  const [action, setAction] = useState<ClientAction | null>(null);

  const panes: Record<TabKey, ReactNode> = {
    timeline: <TimelineTab clientId={client.id} />,
    interactions: <InteractionsTab client={client} />,
    contacts: <ContactsTab clientId={client.id} />,
    dates: <ImportantDatesTab clientId={client.id} />,
    matters: <ClientMattersTab client={client} />,
    personnel: <PersonnelTab clientId={client.id} />,
    accessLog: <AccessLogTab clientId={client.id} />,
  };

  return (
    <Flex vertical gap={16} data-testid="client-page" data-client-id={client.id}>
      <ClientHeader client={client} onEdit={() => setEditing((e) => ({ open: true, key: e.key + 1 }))} onAction={setAction} />
      {client.status === 'dormant' ? <Alert type="warning" showIcon title={t('client.dormantPrompt')} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 8, order: 1 }} xl={{ span: 7, order: 1 }} xxl={{ span: 6, order: 1 }}>
          <ClientFieldsPanel client={client} />
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 16, order: 2 }} xl={{ span: 11, order: 2 }} xxl={{ span: 12, order: 2 }}>
          <Card variant="borderless" styles={{ body: { paddingTop: 4 } }}>
            <Tabs
              activeKey={tab}
              onChange={(key) =>
                setParams(
                  (prev) => {
                    const next = new URLSearchParams(prev);
                    if (key === 'timeline') next.delete('tab');
                    else next.set('tab', key);
                    return next;
                  },
                  { replace: true },
                )
              }
              items={tabs.map((key) => ({
                key,
                label: <span data-testid={`client-tab-${key}`}>{t(`client.tabs.${key}`)}</span>,
                children: panes[key],
              }))}
              destroyOnHidden
              data-testid="client-tabs"
            />
          </Card>
        </Col>
        <Col xs={{ span: 24, order: 3 }} lg={{ span: 24, order: 3 }} xl={{ span: 6, order: 3 }}>
          <Flex vertical gap={16}>
            <ClientTouchpointsCard client={client} />
            <ClassificationCard client={client} />
            <NeedsCard clientId={client.id} />
            <ClientSurveysCard client={client} />
            <ClientComplaintsCard client={client} />
            <RelationshipsCard clientId={client.id} />
            <RelatedPartiesCard client={client} />
          </Flex>
        </Col>
      </Row>
      <ClientFormDrawer key={editing.key} open={editing.open} client={client} onClose={() => setEditing((e) => ({ ...e, open: false }))} />
      <ClientActionModals client={client} action={action} onClose={() => setAction(null)} />
    </Flex>
  );
}

/** The service team and who brought the client in (O-3). */
function RelatedPartiesCard({ client }: { client: Client }) {
  const { t } = useTranslation();
  const row = (label: string, value: ReactNode) => (
    <Flex justify="space-between" gap={12}>
      <Typography.Text type="secondary" style={{ flex: 'none' }}>
        {label}
      </Typography.Text>
      <Typography.Text style={{ textAlign: 'right', minWidth: 0, wordBreak: 'break-all' }}>{value}</Typography.Text>
    </Flex>
  );
  // the contract carries only the referring client's id; its name comes from the relationships, if visible
  const rels = useRelationships(client.id);
  const referrerClientName = rels.data?.find((r) => r.otherClientId === client.referrerClientId)?.otherClientName;
  const referrer = client.referrerClientId ? (
    <Link to={`/clients/${encodeURIComponent(client.referrerClientId)}`}>{referrerClientName ?? client.referrerName ?? t('client.referrerClient')}</Link>
  ) : (
    (client.referrerName ?? t('client.noReferrer'))
  );
  return (
    <Card variant="borderless" size="small" title={t('client.relatedParties')} data-testid="client-related-parties">
      <Flex vertical gap={8}>
        {row(t('client.owner'), client.ownerName ?? t('common.empty'))}
        {row(t('client.manager'), client.managerName ?? t('client.noManager'))}
        {row(t('client.team'), client.teamName ?? t('common.empty'))}
        {row(t('client.referrer'), referrer)}
      </Flex>
    </Card>
  );
}

function ClientSkeleton() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} data-testid="client-loading" aria-label={t('client.loading')}>
      <Card variant="borderless">
        <Skeleton active avatar paragraph={{ rows: 1 }} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={7}>
          <Card variant="borderless">
            <Skeleton active paragraph={{ rows: 10 }} />
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Card variant="borderless">
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        </Col>
        <Col xs={0} xl={6}>
          <Card variant="borderless">
            <Skeleton active paragraph={{ rows: 4 }} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

/** a client one may not see answers 404, and looks like one. */
export function ClientNotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('client.notFoundTitle')}
      subTitle={t('client.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/clients', { replace: true })} data-testid="back-to-clients">
          {t('client.backToList')}
        </Button>
      }
      data-testid="page-404"
    />
  );
}
