import { Avatar, Dropdown, Flex, Typography } from 'antd';
import { DownOutlined, IdcardOutlined, LogoutOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { clearSession, useSessionUser } from '../auth/session';

export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const me = useSessionUser();
  const navigate = useNavigate();
  const client = useQueryClient();

  async function logout() {
    try {
      await api.post<void>('/v1/auth/logout');
    } catch {
      // the session is gone either way
    }
    // RequireAuth then sends the user to /login
    clearSession(client, true);
  }

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'account', icon: <IdcardOutlined />, label: <span data-testid="menu-account">{t('nav.account')}</span> },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="logout">{t('nav.logout')}</span> },
        ],
        onClick: ({ key }) => {
          if (key === 'account') navigate('/account');
          if (key === 'logout') void logout();
        },
      }}
    >
      <Flex align="center" gap={8} style={{ cursor: 'pointer', height: 40 }} data-testid="user-menu" role="button" tabIndex={0}>
        <Avatar style={{ background: '#1f4e8c', flex: 'none' }}>{me.user.name.slice(0, 1)}</Avatar>
        <Flex vertical style={{ lineHeight: 1.25, display: compact ? 'none' : undefined }}>
          <Typography.Text strong data-testid="user-name" style={{ maxWidth: 160 }} ellipsis>
            {me.user.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`roles.${me.user.role}`)}
          </Typography.Text>
        </Flex>
        {compact ? null : <DownOutlined style={{ fontSize: 10, color: '#8c8c8c' }} />}
      </Flex>
    </Dropdown>
  );
}
