import { accessLogColumns, type AccessLogTable } from '../features/access-log/access-log.table.js';
import { programmeRulesColumns, touchpointsColumns, type ProgrammeRulesTable, type TouchpointsTable } from '../features/care/care.table.js';
import { auditEventsColumns, type AuditEventsTable } from '../features/audit/audit.table.js';
import { loginThrottleColumns, sessionsColumns, type LoginThrottleTable, type SessionsTable } from '../features/auth/auth.table.js';
import {
  clientSearchColumns,
  clientsColumns,
  clientTagsColumns,
  type ClientSearchTable,
  type ClientsTable,
  type ClientTagsTable,
} from '../features/clients/clients.table.js';
import { classificationChangesColumns, type ClassificationChangesTable } from '../features/classification/classification.table.js';
import { conflictChecksColumns, type ConflictChecksTable } from '../features/conflict-checks/conflict-checks.table.js';
import { complaintStepsColumns, complaintsColumns, type ComplaintStepsTable, type ComplaintsTable } from '../features/complaints/complaints.table.js';
import {
  contactsColumns,
  personnelChangesColumns,
  type ContactsTable,
  type PersonnelChangesTable,
} from '../features/contacts/contacts.table.js';
import { exportsColumns, type ExportsTable } from '../features/exports/exports.table.js';
import { importantDatesColumns, type ImportantDatesTable } from '../features/important-dates/important-dates.table.js';
import { calendarDaysColumns, calendarYearsColumns, type CalendarDaysTable, type CalendarYearsTable } from '../features/calendar/working-days.table.js';
import { calendarFeedsColumns, type CalendarFeedsTable } from '../features/calendar-feed/calendar-feed.table.js';
import { importsColumns, type ImportsTable } from '../features/imports/imports.table.js';
import {
  cadenceFlagsColumns,
  interactionContactsColumns,
  interactionParticipantsColumns,
  interactionsColumns,
  needsColumns,
  tasksColumns,
  type CadenceFlagsTable,
  type InteractionContactsTable,
  type InteractionParticipantsTable,
  type InteractionsTable,
  type NeedsTable,
  type TasksTable,
} from '../features/interactions/interactions.table.js';
import {
  feesColumns,
  matterMembersColumns,
  matterOpposingPartiesColumns,
  mattersColumns,
  type FeesTable,
  type MatterMembersTable,
  type MatterOpposingPartiesTable,
  type MattersTable,
} from '../features/matters/matters.table.js';
import {
  checklistTemplatesColumns,
  checklistTemplateStepsColumns,
  matterChecklistStepsColumns,
  matterKeyDatesColumns,
  matterRenewalsColumns,
  type ChecklistTemplatesTable,
  type ChecklistTemplateStepsTable,
  type MatterChecklistStepsTable,
  type MatterKeyDatesTable,
  type MatterRenewalsTable,
} from '../features/matters/matter-process.table.js';
import { adverseEventsColumns, serviceObligationsColumns, type AdverseEventsTable, type ServiceObligationsTable } from '../features/matters/standards.table.js';
import { notificationsColumns, type NotificationsTable } from '../features/notifications/notifications.table.js';
import { deliveriesColumns, digestPreferencesColumns, type DeliveriesTable, type DigestPreferencesTable } from '../features/reminders/reminders.table.js';
import { requestCommitmentsColumns, requestsColumns, type RequestCommitmentsTable, type RequestsTable } from '../features/requests/requests.table.js';
import { clientRelationshipsColumns, type ClientRelationshipsTable } from '../features/relationships/relationships.table.js';
import { savedViewsColumns, type SavedViewsTable } from '../features/saved-views/saved-views.table.js';
import { settingsColumns, type SettingsTable } from '../features/settings/settings.table.js';
import { teamsColumns, type TeamsTable } from '../features/teams/teams.table.js';
import { timelineEventsColumns, type TimelineEventsTable } from '../features/timeline/timeline.table.js';
import { usersColumns, type UsersTable } from '../features/users/users.table.js';
import {
  improvementItemsColumns,
  surveyResponsesColumns,
  surveysColumns,
  surveyTemplatesColumns,
  surveyTemplateVersionsColumns,
  type ImprovementItemsTable,
  type SurveyTemplateVersionsTable,
  type SurveyResponsesTable,
  type SurveysTable,
  type SurveyTemplatesTable,
} from '../features/surveys/surveys.table.js';
import { jobRunsColumns, type JobRunsTable } from '../plugins/jobs.table.js';
import { metaColumns, type MetaTable } from './meta.table.js';

export interface Database {
  meta: MetaTable;
  job_runs: JobRunsTable;
  teams: TeamsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  audit_events: AuditEventsTable;
  clients: ClientsTable;
  client_tags: ClientTagsTable;
  client_search: ClientSearchTable;
  contacts: ContactsTable;
  personnel_changes: PersonnelChangesTable;
  important_dates: ImportantDatesTable;
  client_relationships: ClientRelationshipsTable;
  timeline_events: TimelineEventsTable;
  notifications: NotificationsTable;
  settings: SettingsTable;
  saved_views: SavedViewsTable;
  access_log: AccessLogTable;
  imports: ImportsTable;
  exports: ExportsTable;
  conflict_checks: ConflictChecksTable;
  calendar_days: CalendarDaysTable;
  calendar_years: CalendarYearsTable;
  calendar_feeds: CalendarFeedsTable;
  matters: MattersTable;
  matter_members: MatterMembersTable;
  matter_opposing_parties: MatterOpposingPartiesTable;
  fees: FeesTable;
  interactions: InteractionsTable;
  interaction_participants: InteractionParticipantsTable;
  interaction_contacts: InteractionContactsTable;
  tasks: TasksTable;
  needs: NeedsTable;
  cadence_flags: CadenceFlagsTable;
  classification_changes: ClassificationChangesTable;
  checklist_templates: ChecklistTemplatesTable;
  checklist_template_steps: ChecklistTemplateStepsTable;
  matter_checklist_steps: MatterChecklistStepsTable;
  matter_key_dates: MatterKeyDatesTable;
  matter_renewals: MatterRenewalsTable;
  service_obligations: ServiceObligationsTable;
  programme_rules: ProgrammeRulesTable;
  touchpoints: TouchpointsTable;
  adverse_events: AdverseEventsTable;
  deliveries: DeliveriesTable;
  digest_preferences: DigestPreferencesTable;
  requests: RequestsTable;
  request_commitments: RequestCommitmentsTable;
  survey_templates: SurveyTemplatesTable;
  survey_template_versions: SurveyTemplateVersionsTable;
  surveys: SurveysTable;
  survey_responses: SurveyResponsesTable;
  improvement_items: ImprovementItemsTable;
  complaints: ComplaintsTable;
  complaint_steps: ComplaintStepsTable;
}

export const tableColumns: Record<keyof Database, readonly string[]> = {
  meta: metaColumns,
  job_runs: jobRunsColumns,
  teams: teamsColumns,
  users: usersColumns,
  sessions: sessionsColumns,
  login_throttle: loginThrottleColumns,
  audit_events: auditEventsColumns,
  clients: clientsColumns,
  client_tags: clientTagsColumns,
  client_search: clientSearchColumns,
  contacts: contactsColumns,
  personnel_changes: personnelChangesColumns,
  important_dates: importantDatesColumns,
  client_relationships: clientRelationshipsColumns,
  timeline_events: timelineEventsColumns,
  notifications: notificationsColumns,
  settings: settingsColumns,
  saved_views: savedViewsColumns,
  access_log: accessLogColumns,
  imports: importsColumns,
  exports: exportsColumns,
  conflict_checks: conflictChecksColumns,
  calendar_days: calendarDaysColumns,
  calendar_years: calendarYearsColumns,
  calendar_feeds: calendarFeedsColumns,
  matters: mattersColumns,
  matter_members: matterMembersColumns,
  matter_opposing_parties: matterOpposingPartiesColumns,
  fees: feesColumns,
  interactions: interactionsColumns,
  interaction_participants: interactionParticipantsColumns,
  interaction_contacts: interactionContactsColumns,
  tasks: tasksColumns,
  needs: needsColumns,
  cadence_flags: cadenceFlagsColumns,
  classification_changes: classificationChangesColumns,
  checklist_templates: checklistTemplatesColumns,
  checklist_template_steps: checklistTemplateStepsColumns,
  matter_checklist_steps: matterChecklistStepsColumns,
  matter_key_dates: matterKeyDatesColumns,
  matter_renewals: matterRenewalsColumns,
  service_obligations: serviceObligationsColumns,
  programme_rules: programmeRulesColumns,
  touchpoints: touchpointsColumns,
  adverse_events: adverseEventsColumns,
  deliveries: deliveriesColumns,
  digest_preferences: digestPreferencesColumns,
  requests: requestsColumns,
  request_commitments: requestCommitmentsColumns,
  survey_templates: surveyTemplatesColumns,
  survey_template_versions: surveyTemplateVersionsColumns,
  surveys: surveysColumns,
  survey_responses: surveyResponsesColumns,
  improvement_items: improvementItemsColumns,
  complaints: complaintsColumns,
  complaint_steps: complaintStepsColumns,
};
