import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { User } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { useCan, useSessionUser } from '../../app/auth/session';
import { CursorPager } from '../../components/CursorPager';
import { LoadError } from '../../components/ErrorResults';
import { ListCard } from '../../components/ListCard';
import { PageHeader } from '../../components/PageHeader';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCursorPager } from '../../components/useCursorPager';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { ResetPasswordModal } from './ResetPasswordModal';
import { EMPTY_USER_FILTERS, UserFilters, isFiltered, type UserFilterValues } from './UserFilters';
import { UserFormDrawer } from './UserFormDrawer';
import { UsersTable } from './UsersTable';
import { useUserStatusActions } from './useUserStatusActions';
import { useUsers } from './users.api';

const PAGE_SIZE = 20;

export function UsersPage() {
  const { t } = useTranslation();
  const me = useSessionUser();
  const canManage = useCan('users:manage');
  const [filters, setFilters] = useState<UserFilterValues>(EMPTY_USER_FILTERS);
  const q = useDebouncedValue(filters.q.trim());
  const query = { q, role: filters.role, teamId: filters.teamId, active: filters.active };
  const pager = useCursorPager(JSON.stringify(query));
  const users = useUsers({ ...query, limit: PAGE_SIZE, cursor: pager.cursor });
  // each opening gets a fresh form (key), and the drawer stays mounted while it closes
  const [drawer, setDrawer] = useState<{ open: boolean; user: User | null; key: number }>({ open: false, user: null, key: 0 });
  const [resetting, setResetting] = useState<{ open: boolean; user: User | null }>({ open: false, user: null });
  const { confirmToggle } = useUserStatusActions();

  const openDrawer = (user: User | null) => setDrawer((d) => ({ open: true, user, key: d.key + 1 }));

  return (
    <div data-testid="users-page">
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openDrawer(null)} data-testid="users-new">
              {t('users.new')}
            </Button>
          ) : null
        }
      />
      <ListCard>
        <UserFilters value={filters} onChange={setFilters} />
        {users.error && !users.data ? (
          <LoadError error={users.error} onRetry={() => void users.refetch()} />
        ) : users.isPending ? (
          <TableSkeleton />
        ) : (
          <>
            <UsersTable
              users={users.data?.items ?? []}
              loading={users.isFetching}
              filtered={isFiltered(filters)}
              canManage={canManage}
              selfId={me.user.id}
              onCreate={() => openDrawer(null)}
              onEdit={(user) => openDrawer(user)}
              onToggleActive={confirmToggle}
              onResetPassword={(user) => setResetting({ open: true, user })}
            />
            <CursorPager
              testId="users"
              total={users.data?.total}
              page={pager.page}
              hasPrev={pager.hasPrev}
              nextCursor={users.data?.nextCursor}
              onPrev={pager.prev}
              onNext={pager.next}
            />
          </>
        )}
      </ListCard>
      <UserFormDrawer
        key={drawer.key}
        open={drawer.open}
        user={drawer.user}
        onClose={() => setDrawer((d) => ({ ...d, open: false }))}
      />
      <ResetPasswordModal
        open={resetting.open}
        user={resetting.user}
        onClose={() => setResetting((r) => ({ ...r, open: false }))}
      />
    </div>
  );
}
