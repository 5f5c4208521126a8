import { useState } from 'react';
import { Breadcrumb, Flex, Layout, Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useSessionUser } from '../auth/session';
import { BrandMark } from './BrandMark';
import { LanguageSwitch } from './LanguageSwitch';
import { NAVIGATION, findNavItem } from './navigation';
import { UserMenu } from './UserMenu';

const COLLAPSED_KEY = 'retainer.navCollapsed';

export function AppLayout() {
  const { t } = useTranslation();
  const me = useSessionUser();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');

  const items: MenuProps['items'] = NAVIGATION.map((group) => ({
    type: 'group' as const,
    key: group.key,
    label: t(group.labelKey),
    children: group.items
      .filter((item) => !item.permission || me.permissions.includes(item.permission))
      .map((item) => ({
        key: item.path,
        icon: item.icon,
        label: <span data-testid={`nav-${item.path.slice(1)}`}>{t(item.labelKey)}</span>,
      })),
  })).filter((group) => group.children.length > 0);

  const current = findNavItem(location.pathname);

  function toggle(value: boolean) {
    setCollapsed(value);
    localStorage.setItem(COLLAPSED_KEY, value ? '1' : '0');
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={toggle}
        width={216}
        breakpoint="lg"
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        data-testid="app-nav"
      >
        <BrandMark collapsed={collapsed} onClick={() => navigate('/')} />
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={current ? [current.item.path] : []}
          items={items}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
          }}
        >
          <Breadcrumb
            data-testid="breadcrumb"
            items={
              current
                ? [{ title: t(current.group.labelKey) }, { title: t(current.item.labelKey) }]
                : [{ title: t('nav.home') }]
            }
          />
          <Flex align="center" gap={20}>
            <LanguageSwitch />
            <UserMenu />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
