import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { FlagFilled } from '@ant-design/icons';
import type { CadenceClient, CadencePerson } from '@retainer/shared';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { FIRM_TIME_ZONE } from '../../app/format';
import { LoadError } from '../../components/ErrorResults';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCadence } from './interactions.api';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const RED = '#cf1322';

/** I-2 沟通频次: per person and per client, this month's interactions against the targets. */
export function CadencePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('month');
  const month = asked && MONTH.test(asked) ? asked : dayjs().tz(FIRM_TIME_ZONE).format('YYYY-MM');
  const report = useCadence(month);
  const [person, setPerson] = useState<CadencePerson | null>(null);
  const r = report.data;

  const clients = (r?.clients ?? []).filter((c) => !person || c.people.some((e) => e.userId === person.userId));
  const roleLabel = (role: CadencePerson['role']) => t(`interactions.cadence.roles.${role}`);
  const personName = (name: string | null) => name ?? t('interactions.cadence.unknownPerson');

  const peopleColumns: TableColumnsType<CadencePerson> = [
    {
      title: t('interactions.cadence.person'),
      key: 'name',
      render: (_, p) => (
        <Flex gap={6} align="center">
          {p.flagged ? <FlagFilled style={{ color: RED }} aria-label={t('interactions.cadence.flagged')} /> : null}
          <Typography.Text strong>{personName(p.name)}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('interactions.cadence.role'), key: 'role', render: (_, p) => roleLabel(p.role), responsive: ['sm'] },
    { title: t('interactions.cadence.clientCount'), dataIndex: 'clients', align: 'right', responsive: ['md'] },
    {
      title: t('interactions.cadence.shortClients'),
      dataIndex: 'shortClients',
      align: 'right',
      render: (n: number) => <span style={{ color: n ? RED : undefined }}>{n}</span>,
    },
    { title: t('interactions.cadence.done'), key: 'done', align: 'right', render: (_, p) => `${p.interactions} / ${p.expected}`, responsive: ['sm'] },
    {
      title: t('interactions.cadence.shortfall'),
      dataIndex: 'shortfall',
      align: 'right',
      render: (n: number) => (n ? <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('interactions.cadence.short', { count: n })}</Tag> : <Tag color="green" style={{ marginInlineEnd: 0 }}>{t('interactions.cadence.met')}</Tag>),
    },
  ];

  const clientColumns: TableColumnsType<CadenceClient> = [
    {
      title: t('interactions.cadence.client'),
      key: 'client',
      render: (_, c) => <Link to={`/clients/${encodeURIComponent(c.clientId)}?tab=interactions`}>{c.clientName}</Link>,
    },
    { title: t('interactions.cadence.openMatters'), dataIndex: 'openMatters', align: 'right', width: 100, responsive: ['md'] },
    {
      title: t('interactions.cadence.measured'),
      key: 'people',
      render: (_, c) => (
        <Flex wrap gap={6}>
          {c.people.map((e) => (
            <Tag key={`${e.userId}-${e.role}`} color={e.shortfall ? 'red' : 'green'} icon={e.flagged ? <FlagFilled /> : undefined} style={{ marginInlineEnd: 0 }}>
              {roleLabel(e.role)} {personName(e.name)} {e.count}/{e.target}
            </Tag>
          ))}
        </Flex>
      ),
    },
  ];

  return (
    <div data-testid="cadence-page">
      <PageHeader
        title={t('interactions.cadence.title')}
        subtitle={t('interactions.cadence.subtitle', { lead: r?.targets.leadLawyer ?? 3, manager: r?.targets.clientManager ?? 1 })}
        extra={
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => {
              setPerson(null);
              setParams(d ? { month: d.format('YYYY-MM') } : {}, { replace: true });
            }}
            aria-label={t('interactions.cadence.month')}
            data-testid="cadence-month"
          />
        }
      />
      {report.error && !r ? (
        <LoadError error={report.error} onRetry={() => void report.refetch()} />
      ) : !r ? (
        <Card variant="borderless">
          <TableSkeleton />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <Alert
            type={r.phase === 'flagging' ? 'warning' : 'info'}
            showIcon
            title={t(`interactions.cadence.phases.${r.phase}`, { date: r.flagFrom })}
            data-testid="cadence-phase"
          />
          {r.clientsTotal === 0 ? (
            <Card variant="borderless">
              <Empty
                description={
                  <Flex vertical gap={4}>
                    <span>{t('interactions.cadence.empty')}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('interactions.cadence.emptyHint')}
                    </Typography.Text>
                  </Flex>
                }
              />
            </Card>
          ) : (
            <>
              <Card variant="borderless" title={t('interactions.cadence.people')} styles={{ body: { padding: 0 } }}>
                <Table<CadencePerson>
                  rowKey={(p) => `${p.userId}-${p.role}`}
                  columns={peopleColumns}
                  dataSource={r.people}
                  pagination={r.people.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                  size="middle"
                  onRow={(p) => ({ onClick: () => setPerson(p), style: { cursor: 'pointer' } })}
                  rowClassName={(p) => (person && p.userId === person.userId && p.role === person.role ? 'ant-table-row-selected' : '')}
                  data-testid="cadence-people"
                />
              </Card>
              <Card
                variant="borderless"
                title={person ? t('interactions.cadence.onlyPerson', { name: personName(person.name) }) : t('interactions.cadence.clients')}
                extra={person ? <Button type="link" size="small" onClick={() => setPerson(null)}>{t('interactions.cadence.showAll')}</Button> : null}
                styles={{ body: { padding: 0 } }}
              >
                <Table<CadenceClient>
                  rowKey="clientId"
                  columns={clientColumns}
                  dataSource={clients}
                  pagination={clients.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                  size="middle"
                  data-testid="cadence-clients"
                />
                {r.clientsTotal > r.clients.length ? (
                  <Typography.Text type="secondary" style={{ display: 'block', padding: 12 }}>
                    {t('interactions.cadence.limited', { shown: r.clients.length, total: r.clientsTotal })}
                  </Typography.Text>
                ) : null}
              </Card>
            </>
          )}
        </Flex>
      )}
    </div>
  );
}
