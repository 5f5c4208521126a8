import { useState } from 'react';
import { Breadcrumb, Button, Flex, Grid, Layout, Menu, type MenuProps } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { GlobalSearch } from '../../features/clients/GlobalSearch';
import { LogInteractionButton } from '../../features/interactions/LogInteractionButton';
import { NotificationsBell } from '../../features/notifications/NotificationsBell';
import { useCan, useSessionUser } from '../auth/session';
import { BrandMark } from './BrandMark';
import { BreadcrumbTailProvider, useBreadcrumbTailValue } from './BreadcrumbTail';
import { LanguageSwitch } from './LanguageSwitch';
import { NAVIGATION, findNavItem } from './navigation';
import { UserMenu } from './UserMenu';

const COLLAPSED_KEY = 'retainer.navCollapsed';

export function AppLayout() {
  return (
    <BreadcrumbTailProvider>
      <Frame />
    </BreadcrumbTailProvider>
  );
}

function Frame() {
  const { t } = useTranslation();
  const canSearch = useCan('clients:read');
  const tail = useBreadcrumbTailValue();
  const me = useSessionUser();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const screens = Grid.useBreakpoint();
  // phones: the navigation slides away completely and the top bar keeps only the essentials
  const narrow = screens.md === false;

  const items: MenuProps['items'] = NAVIGATION.map((group) => ({
    type: 'group' as const,
    key: group.key,
    label: t(group.labelKey),
    children: group.items
      .filter((item) => !item.permission || me.permissions.includes(item.permission))
      .map((item) => ({
        key: item.path,
        icon: item.icon,
        label: (
          <>
            <span data-testid={`nav-${item.path.slice(1)}`}>{t(item.labelKey)}</span>
            {item.badge}
          </>
        ),
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
        // a narrow window collapses it without changing the remembered choice
        onCollapse={(value, type) => (type === 'responsive' ? setCollapsed(value) : toggle(value))}
        width={216}
        collapsedWidth={narrow ? 0 : 80}
        trigger={narrow ? null : undefined}
        breakpoint="lg"
        style={{ position: narrow ? 'fixed' : 'sticky', left: 0, top: 0, height: '100vh', overflow: narrow ? 'visible' : 'auto', zIndex: 20 }}
        data-testid="app-nav"
      >
        <BrandMark collapsed={collapsed} onClick={() => navigate('/')} />
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={current ? [current.item.path] : []}
          items={items}
          onClick={({ key }) => {
            navigate(key);
            if (narrow) setCollapsed(true);
          }}
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
            gap: narrow ? 8 : 16,
            paddingInline: narrow ? 12 : 24,
          }}
        >
          {narrow ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={collapsed ? t('nav.expand') : t('nav.collapse')}
              onClick={() => setCollapsed(!collapsed)}
              data-testid="nav-toggle"
            />
          ) : (
            <Breadcrumb
              data-testid="breadcrumb"
              style={{ minWidth: 0, flex: '0 1 auto', whiteSpace: 'nowrap', overflow: 'hidden' }}
              items={
                current
                  ? [
                      { title: t(current.group.labelKey) },
                      { title: tail ? <Link to={current.item.path}>{t(current.item.labelKey)}</Link> : t(current.item.labelKey) },
                      ...(tail ? [{ title: <span data-testid="breadcrumb-tail">{tail}</span> }] : []),
                    ]
                  : [{ title: t('nav.home') }]
              }
            />
          )}
          {canSearch ? (
            <div style={{ flex: narrow ? '1 1 auto' : '0 1 300px', minWidth: 0, marginInlineStart: narrow ? 0 : 'auto', lineHeight: 'normal', display: 'flex' }}>
              <GlobalSearch compact={narrow} />
            </div>
          ) : null}
          <Flex align="center" gap={narrow ? 4 : 16} style={{ flex: 'none' }}>
            <LogInteractionButton compact={narrow} />
            <NotificationsBell />
            <LanguageSwitch size={narrow ? 'small' : 'middle'} />
            <UserMenu compact={narrow} />
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
