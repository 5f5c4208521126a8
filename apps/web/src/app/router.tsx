import { Navigate, createBrowserRouter, useRouteError } from 'react-router-dom';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { NotFoundResult } from '../components/ErrorResults';
import { FullPageSpin } from '../components/FullPageSpin';
import { AccessLogPage } from '../features/access-log/AccessLogPage';
import { AccountPage } from '../features/account/AccountPage';
import { AuditPage } from '../features/audit/AuditPage';
import { ProgrammesPage } from '../features/care/ProgrammesPage';
import { TouchpointsPage } from '../features/care/TouchpointsPage';
import { LoginPage } from '../features/auth/LoginPage';
import { ClassificationPage } from '../features/classification/ClassificationPage';
import { CompliancePage } from '../features/compliance/CompliancePage';
import { MyDayPage } from '../features/my-day/MyDayPage';
import { ClientPage } from '../features/clients/ClientPage';
import { ClientsPage } from '../features/clients/ClientsPage';
import { ComplaintsPage } from '../features/complaints/ComplaintsPage';
import { ConflictChecksPage } from '../features/conflict-checks/ConflictChecksPage';
import { ExportsPage } from '../features/exports/ExportsPage';
import { ImportPage } from '../features/imports/ImportPage';
import { CadencePage } from '../features/interactions/CadencePage';
import { MyTasksPage } from '../features/interactions/MyTasksPage';
import { ChecklistTemplatesPage } from '../features/matters/ChecklistTemplatesPage';
import { MatterPage } from '../features/matters/MatterPage';
import { MattersPage } from '../features/matters/MattersPage';
import { StandardsPage } from '../features/matters/StandardsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { NotificationSettingsPage } from '../features/reminders/NotificationSettingsPage';
import { RequestsPage } from '../features/requests/RequestsPage';
import { WorkingDaysPage } from '../features/calendar/WorkingDaysPage';
import { ImprovementsPage } from '../features/surveys/ImprovementsPage';
import { PublicSurveyPage } from '../features/surveys/PublicSurveyPage';
import { ResponseDetailPage } from '../features/surveys/ResponseDetailPage';
import { SurveyResultsPage } from '../features/surveys/SurveyResultsPage';
import { SurveysPage } from '../features/surveys/SurveysPage';
import { TemplatesPage as SurveyTemplatesPage } from '../features/surveys/TemplatesPage';
import { TeamsPage } from '../features/teams/TeamsPage';
import { UsersPage } from '../features/users/UsersPage';
import { RequireAuth, RequirePermission } from './auth/guards';
import { landingPath, useMe } from './auth/session';
import { AppLayout } from './layout/AppLayout';

function Landing() {
  const { data: me } = useMe();
  if (!me) return <FullPageSpin />;
  return <Navigate to={landingPath(me)} replace />;
}

function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Result
      status="error"
      title={t('common.pageCrashed')}
      subTitle={t('common.pageCrashedDesc')}
      extra={<Button onClick={() => window.location.reload()}>{t('common.reload')}</Button>}
    />
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  // V-2: the client's survey page, by personal link, outside the login shell
  { path: '/s/:token', element: <PublicSurveyPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Landing /> },
      // P-8: every signed-in user has a day (the server picks what is theirs)
      { path: 'my-day', element: <MyDayPage /> },
      {
        path: 'compliance',
        element: (
          <RequirePermission permission="clients:read">
            <CompliancePage />
          </RequirePermission>
        ),
      },
      {
        path: 'users',
        element: (
          <RequirePermission permission="users:read">
            <UsersPage />
          </RequirePermission>
        ),
      },
      {
        path: 'teams',
        element: (
          <RequirePermission permission="teams:read">
            <TeamsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequirePermission permission="audit:read">
            <AuditPage />
          </RequirePermission>
        ),
      },
      {
        path: 'access-log',
        element: (
          <RequirePermission permission="access-log:read">
            <AccessLogPage />
          </RequirePermission>
        ),
      },
      {
        path: 'clients',
        element: (
          <RequirePermission permission="clients:read">
            <ClientsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'clients/import',
        element: (
          <RequirePermission permission="clients:import">
            <ImportPage />
          </RequirePermission>
        ),
      },
      {
        path: 'clients/exports',
        element: (
          <RequirePermission permission="clients:export">
            <ExportsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'clients/:id',
        element: (
          <RequirePermission permission="clients:read">
            <ClientPage />
          </RequirePermission>
        ),
      },
      {
        path: 'requests',
        element: (
          <RequirePermission permission="clients:read">
            <RequestsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'matters',
        element: (
          <RequirePermission permission="matters:read">
            <MattersPage />
          </RequirePermission>
        ),
      },
      {
        path: 'matters/standards',
        element: (
          <RequirePermission permission="matters:read">
            <StandardsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'matters/:id',
        element: (
          <RequirePermission permission="matters:read">
            <MatterPage />
          </RequirePermission>
        ),
      },
      {
        path: 'conflict-checks',
        element: (
          <RequirePermission permission="conflicts:check">
            <ConflictChecksPage />
          </RequirePermission>
        ),
      },
      {
        path: 'settings',
        element: (
          <RequirePermission permission="settings:manage">
            <SettingsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'settings/notifications',
        element: (
          <RequirePermission permission="settings:manage">
            <NotificationSettingsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'settings/checklists',
        element: (
          <RequirePermission permission="settings:manage">
            <ChecklistTemplatesPage />
          </RequirePermission>
        ),
      },
      {
        path: 'settings/programmes',
        element: (
          <RequirePermission permission="settings:manage">
            <ProgrammesPage />
          </RequirePermission>
        ),
      },
      {
        path: 'touchpoints',
        element: (
          <RequirePermission permission="clients:read">
            <TouchpointsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'holidays',
        element: (
          <RequirePermission permission="settings:manage">
            <WorkingDaysPage />
          </RequirePermission>
        ),
      },
      {
        path: 'tasks',
        element: (
          <RequirePermission permission="interactions:log">
            <MyTasksPage />
          </RequirePermission>
        ),
      },
      {
        path: 'reports/cadence',
        element: (
          <RequirePermission permission="reports:cadence">
            <CadencePage />
          </RequirePermission>
        ),
      },
      {
        path: 'classification',
        element: (
          <RequirePermission permission="clients:read">
            <ClassificationPage />
          </RequirePermission>
        ),
      },
      {
        path: 'complaints',
        element: (
          <RequirePermission permission="clients:read">
            <ComplaintsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'surveys',
        element: (
          <RequirePermission permission="clients:read">
            <SurveysPage />
          </RequirePermission>
        ),
      },
      {
        path: 'surveys/results',
        element: (
          <RequirePermission permission="clients:read">
            <SurveyResultsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'surveys/improvements',
        element: (
          <RequirePermission permission="clients:read">
            <ImprovementsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'surveys/responses/:id',
        element: (
          <RequirePermission permission="clients:read">
            <ResponseDetailPage />
          </RequirePermission>
        ),
      },
      {
        path: 'settings/survey-templates',
        element: (
          <RequirePermission permission="settings:manage">
            <SurveyTemplatesPage />
          </RequirePermission>
        ),
      },
      { path: 'account', element: <AccountPage /> },
      { path: '*', element: <NotFoundResult /> },
    ],
  },
]);
