import type { ReactNode } from 'react';
import {
  AlertOutlined,
  AuditOutlined,
  DashboardOutlined,
  FundOutlined,
  BarChartOutlined,
  CarryOutOutlined,
  CalendarOutlined,
  ScheduleOutlined,
  ContactsOutlined,
  ControlOutlined,
  CustomerServiceOutlined,
  DotChartOutlined,
  DownloadOutlined,
  EyeOutlined,
  FieldTimeOutlined,
  FormOutlined,
  PieChartOutlined,
  ProfileOutlined,
  RiseOutlined,
  HeartOutlined,
  IdcardOutlined,
  MailOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Permission } from '@retainer/shared';
import { MyDayNavBadge } from '../../features/my-day/MyDayNavBadge';

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
    | 'interactions.nav.tasks'
    | 'interactions.nav.cadence'
    | 'nav.firmSettings'
    | 'matters.nav.list'
    | 'standards.nav.list'
    | 'nav.workingDays'
    | 'checklists.nav'
    | 'reminders.nav'
    | 'classification.nav'
    | 'care.nav.touchpoints'
    | 'requests.nav'
    | 'care.nav.programmes'
    | 'myDay.nav'
    | 'compliance.nav'
    | 'surveys.nav.list'
    | 'surveys.nav.results'
    | 'surveys.nav.improvements'
    | 'surveys.nav.templates'
    | 'complaints.nav';
  /** undefined: every signed-in user */
  permission?: Permission;
  /** shown after the label (e.g. a count) */
  badge?: ReactNode;
}

export interface NavGroup {
  key: string;
  labelKey: 'nav.settings' | 'nav.clientsGroup' | 'interactions.nav.workGroup' | 'interactions.nav.reportsGroup' | 'matters.nav.group' | 'surveys.nav.group';
  items: NavItem[];
}

// UI.md: navigation grouped by work; only sections that exist are listed.
export const NAVIGATION: NavGroup[] = [
  {
    key: 'work',
    labelKey: 'interactions.nav.workGroup',
    items: [
      { path: '/my-day', icon: <DashboardOutlined />, labelKey: 'myDay.nav', badge: <MyDayNavBadge /> },
      { path: '/tasks', icon: <CarryOutOutlined />, labelKey: 'interactions.nav.tasks', permission: 'interactions:log' },
      { path: '/touchpoints', icon: <ScheduleOutlined />, labelKey: 'care.nav.touchpoints', permission: 'clients:read' },
      { path: '/requests', icon: <CustomerServiceOutlined />, labelKey: 'requests.nav', permission: 'clients:read' },
    ],
  },
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
    key: 'matters',
    labelKey: 'matters.nav.group',
    items: [
      { path: '/matters', icon: <SolutionOutlined />, labelKey: 'matters.nav.list', permission: 'matters:read' },
      { path: '/matters/standards', icon: <FieldTimeOutlined />, labelKey: 'standards.nav.list', permission: 'matters:read' },
    ],
  },
  {
    // V-1..V-4 (UI.md: 调查与投诉)
    key: 'feedback',
    labelKey: 'surveys.nav.group',
    items: [
      { path: '/surveys', icon: <FormOutlined />, labelKey: 'surveys.nav.list', permission: 'clients:read' },
      { path: '/surveys/results', icon: <PieChartOutlined />, labelKey: 'surveys.nav.results', permission: 'clients:read' },
      { path: '/surveys/improvements', icon: <RiseOutlined />, labelKey: 'surveys.nav.improvements', permission: 'clients:read' },
      { path: '/complaints', icon: <AlertOutlined />, labelKey: 'complaints.nav', permission: 'clients:read' },
    ],
  },
  {
    key: 'reports',
    labelKey: 'interactions.nav.reportsGroup',
    items: [
      { path: '/reports/cadence', icon: <BarChartOutlined />, labelKey: 'interactions.nav.cadence', permission: 'reports:cadence' },
      { path: '/classification', icon: <DotChartOutlined />, labelKey: 'classification.nav', permission: 'clients:read' },
      { path: '/compliance', icon: <FundOutlined />, labelKey: 'compliance.nav', permission: 'clients:read' },
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
      { path: '/holidays', icon: <CalendarOutlined />, labelKey: 'nav.workingDays', permission: 'settings:manage' },
      { path: '/settings/checklists', icon: <OrderedListOutlined />, labelKey: 'checklists.nav', permission: 'settings:manage' },
      { path: '/settings/notifications', icon: <MailOutlined />, labelKey: 'reminders.nav', permission: 'settings:manage' },
      { path: '/settings/programmes', icon: <HeartOutlined />, labelKey: 'care.nav.programmes', permission: 'settings:manage' },
      { path: '/settings/survey-templates', icon: <ProfileOutlined />, labelKey: 'surveys.nav.templates', permission: 'settings:manage' },
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
