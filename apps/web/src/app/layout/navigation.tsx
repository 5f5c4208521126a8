import type { ReactNode } from 'react';
import { AuditOutlined, TeamOutlined, UserOutlined, IdcardOutlined } from '@ant-design/icons';
import type { Permission } from '@retainer/shared';

export interface NavItem {
  path: string;
  icon: ReactNode;
  labelKey: 'nav.users' | 'nav.teams' | 'nav.audit' | 'nav.account';
  /** undefined: every signed-in user */
  permission?: Permission;
}

export interface NavGroup {
  key: string;
  labelKey: 'nav.settings';
  items: NavItem[];
}

// UI.md: navigation grouped by work; only sections that exist are listed.
export const NAVIGATION: NavGroup[] = [
  {
    key: 'settings',
    labelKey: 'nav.settings',
    items: [
      { path: '/users', icon: <UserOutlined />, labelKey: 'nav.users', permission: 'users:read' },
      { path: '/teams', icon: <TeamOutlined />, labelKey: 'nav.teams', permission: 'teams:read' },
      { path: '/audit', icon: <AuditOutlined />, labelKey: 'nav.audit', permission: 'audit:read' },
      { path: '/account', icon: <IdcardOutlined />, labelKey: 'nav.account' },
    ],
  },
];

export function findNavItem(pathname: string): { group: NavGroup; item: NavItem } | null {
  for (const group of NAVIGATION) {
    for (const item of group.items) {
      if (pathname === item.path || pathname.startsWith(`${item.path}/`)) return { group, item };
    }
  }
  return null;
}
