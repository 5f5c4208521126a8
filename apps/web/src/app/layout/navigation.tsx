import type { ReactNode } from 'react';
import {
  AuditOutlined,
  ContactsOutlined,
  ControlOutlined,
  DownloadOutlined,
  EyeOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Permission } from '@retainer/shared';

export interface NavItem {
  path: string;
  icon: ReactNode;
  labelKey:
    | 'nav.users'
    | 'nav.teams'
    | 'nav.audit'
    | 'nav.accessLog'
    | 'nav.account'
    | 'nav.clients'
    | 'nav.conflictChecks'
    | 'nav.imports'
    | 'nav.exports'
    | 'nav.firmSettings';
  /** undefined: every signed-in user */
  permission?: Permission;
}

export interface NavGroup {
  key: string;
  labelKey: 'nav.settings' | 'nav.clientsGroup';
  items: NavItem[];
}

// UI.md: navigation grouped by work; only sections that exist are listed.
export const NAVIGATION: NavGroup[] = [
  {
    key: 'clients',
    labelKey: 'nav.clientsGroup',
    items: [
      { path: '/clients', icon: <ContactsOutlined />, labelKey: 'nav.clients', permission: 'clients:read' },
      { path: '/conflict-checks', icon: <SafetyCertificateOutlined />, labelKey: 'nav.conflictChecks', permission: 'conflicts:check' },
      { path: '/clients/import', icon: <UploadOutlined />, labelKey: 'nav.imports', permission: 'clients:import' },
      { path: '/clients/exports', icon: <DownloadOutlined />, labelKey: 'nav.exports', permission: 'clients:export' },
    ],
  },
  {
    key: 'settings',
    labelKey: 'nav.settings',
    items: [
      { path: '/users', icon: <UserOutlined />, labelKey: 'nav.users', permission: 'users:read' },
      { path: '/teams', icon: <TeamOutlined />, labelKey: 'nav.teams', permission: 'teams:read' },
      { path: '/audit', icon: <AuditOutlined />, labelKey: 'nav.audit', permission: 'audit:read' },
      { path: '/access-log', icon: <EyeOutlined />, labelKey: 'nav.accessLog', permission: 'access-log:read' },
      { path: '/settings', icon: <ControlOutlined />, labelKey: 'nav.firmSettings', permission: 'settings:manage' },
      { path: '/account', icon: <IdcardOutlined />, labelKey: 'nav.account' },
    ],
  },
];

/** The item whose path is the longest prefix of `pathname` (/clients/import beats /clients). */
export function findNavItem(pathname: string): { group: NavGroup; item: NavItem } | null {
  let best: { group: NavGroup; item: NavItem } | null = null;
  for (const group of NAVIGATION) {
    for (const item of group.items) {
      const hit = pathname === item.path || pathname.startsWith(`${item.path}/`);
      if (hit && (!best || item.path.length > best.item.path.length)) best = { group, item };
    }
  }
  return best;
}
