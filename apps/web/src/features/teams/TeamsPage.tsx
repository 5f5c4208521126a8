import { useState } from 'react';
import { App, Button, Empty, Flex, Input, Space, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { Team } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth/session';
import { CursorPager } from '../../components/CursorPager';
import { LoadError } from '../../components/ErrorResults';
import { ListCard } from '../../components/ListCard';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCursorPager } from '../../components/useCursorPager';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { userKeys } from '../users/users.api';
import { TeamFormDrawer } from './TeamFormDrawer';
import { teamKeys, teamsApi, useTeams } from './teams.api';

const PAGE_SIZE = 20;

export function TeamsPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const client = useQueryClient();
  const canManage = useCan('teams:manage');
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim());
  const pager = useCursorPager(q);
  const teams = useTeams({ q, limit: PAGE_SIZE, cursor: pager.cursor });
  const [drawer, setDrawer] = useState<{ open: boolean; team: Team | null; key: number }>({ open: false, team: null, key: 0 });
  const openDrawer = (team: Team | null) => setDrawer((d) => ({ open: true, team, key: d.key + 1 }));

  function confirmDelete(team: Team) {
    modal.confirm({
      title: t('teams.deleteTitle', { name: team.name }),
      content: t('teams.deleteContent'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-delete' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await teamsApi.remove(team.id);
          message.success(t('teams.deleted', { name: team.name }));
          void client.invalidateQueries({ queryKey: teamKeys.all });
          void client.invalidateQueries({ queryKey: userKeys.all });
        } catch (err) {
          // 409 when the team still has members: the server says so in people's words
          message.error(err instanceof Error ? err.message : String(err));
        }
      },
    });
  }

  const columns: TableColumnsType<Team> = [
    {
      title: t('teams.name'),
      dataIndex: 'name',
      width: 240,
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('teams.description'),
      dataIndex: 'description',
      ellipsis: true,
      render: (d: string | null) => d ?? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>,
    },
    { title: t('teams.memberCount'), dataIndex: 'memberCount', width: 120, align: 'right' },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 160,
      render: (_, team) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => openDrawer(team)} data-testid="team-edit">
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" danger onClick={() => confirmDelete(team)} data-testid="team-delete">
            {t('common.delete')}
          </Button>
        </Space>
      ),
    });
  }

  const emptyText = q ? t('teams.emptyFiltered') : canManage ? t('teams.empty') : t('teams.emptyReadonly');

  return (
    <div data-testid="teams-page">
      <PageHeader
        title={t('teams.title')}
        subtitle={t('teams.subtitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openDrawer(null)} data-testid="teams-new">
              {t('teams.new')}
            </Button>
          ) : null
        }
      />
      <ListCard>
        <Flex gap={12} style={{ marginBottom: 16 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('teams.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 260 }}
            data-testid="teams-search"
          />
        </Flex>
        {teams.error && !teams.data ? (
          <LoadError error={teams.error} onRetry={() => void teams.refetch()} />
        ) : teams.isPending ? (
          <TableSkeleton />
        ) : (
          <>
            <Table<Team>
              className="retainer-table"
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={teams.data?.items ?? []}
              loading={teams.isFetching}
              pagination={false}
              sticky={{ offsetHeader: 64 }}
              data-testid="teams-table"
              locale={{
                emptyText: (
                  <Empty description={emptyText}>
                    {!q && canManage ? (
                      <Button type="primary" icon={<PlusOutlined />} onClick={() => openDrawer(null)}>
                        {t('teams.new')}
                      </Button>
                    ) : null}
                  </Empty>
                ),
              }}
            />
            <CursorPager
              testId="teams"
              total={teams.data?.total}
              page={pager.page}
              hasPrev={pager.hasPrev}
              nextCursor={teams.data?.nextCursor}
              onPrev={pager.prev}
              onNext={pager.next}
            />
          </>
        )}
      </ListCard>
      <TeamFormDrawer
        key={drawer.key}
        open={drawer.open}
        team={drawer.team}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
      />
    </div>
  );
}
