import { Badge, Button, Dropdown, Empty, Grid, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EllipsisOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import type { Role, User } from '@retainer/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';

const ROLE_COLORS: Record<Role, string> = {
  admin: 'volcano',
  partner: 'gold',
  lawyer: 'blue',
  client_manager: 'green',
  assistant: 'cyan',
  secretary: 'purple',
};

interface UsersTableProps {
  users: User[];
  loading: boolean;
  filtered: boolean;
  canManage: boolean;
  selfId: string;
  onCreate: () => void;
  onEdit: (user: User) => void;
  onToggleActive: (user: User) => void;
  onResetPassword: (user: User) => void;
}

export function UsersTable(props: UsersTableProps) {
  const { users, loading, filtered, canManage, selfId, onCreate, onEdit, onToggleActive, onResetPassword } = props;
  const { t, i18n } = useTranslation();
  const screens = Grid.useBreakpoint();
  const dash = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;

  const columns: TableColumnsType<User> = [
    {
      title: t('users.name'),
      dataIndex: 'name',
      width: 100,
      ellipsis: true,
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    { title: t('users.email'), dataIndex: 'email', ellipsis: true },
    { title: t('users.phone'), dataIndex: 'phone', width: 130, render: (phone: string | null) => phone ?? dash },
    {
      title: t('users.role'),
      dataIndex: 'role',
      width: 125,
      render: (role: Role) => <Tag color={ROLE_COLORS[role]}>{t(`roles.${role}`)}</Tag>,
    },
    { title: t('users.team'), dataIndex: 'teamName', width: 130, ellipsis: true, render: (name: string | null) => name ?? dash },
    {
      title: t('users.status'),
      dataIndex: 'active',
      width: 100,
      render: (active: boolean) =>
        active ? <Badge status="success" text={t('users.statusActive')} /> : <Badge status="default" text={t('users.statusInactive')} />,
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 145,
      render: (at: string | null) => (at ? formatDateTime(at) : <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>),
    },
  ];

  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: i18n.language === 'en-US' ? 175 : 150,
      fixed: screens.lg ? 'right' : undefined,
      render: (_, user) => (
        <Space size={0} wrap={false}>
          <Button type="link" size="small" onClick={() => onEdit(user)} data-testid="user-edit">
            {t('common.edit')}
          </Button>
          {user.id === selfId ? null : (
            <Button
              type="link"
              size="small"
              danger={user.active}
              onClick={() => onToggleActive(user)}
              data-testid={user.active ? 'user-deactivate' : 'user-activate'}
            >
              {user.active ? t('users.deactivate') : t('users.activate')}
            </Button>
          )}
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'reset',
                  icon: <KeyOutlined />,
                  label: <span data-testid="user-reset-password">{t('users.resetPassword')}</span>,
                  onClick: () => onResetPassword(user),
                },
              ],
            }}
          >
            <Button type="text" size="small" icon={<EllipsisOutlined />} aria-label={t('common.more')} data-testid="user-more" />
          </Dropdown>
        </Space>
      ),
    });
  }

  return (
    <Table<User>
      className="retainer-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={false}
      sticky={{ offsetHeader: 64 }}
      scroll={{ x: canManage ? 1100 : 950 }}
      data-testid="users-table"
      onRow={(user) => ({ 'data-testid': `user-row-${user.email}` }) as object}
      locale={{
        emptyText: (
          <Empty description={filtered ? t('users.emptyFiltered') : t('users.empty')}>
            {!filtered && canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>
                {t('users.new')}
              </Button>
            ) : null}
          </Empty>
        ),
      }}
    />
  );
}
