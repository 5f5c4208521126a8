import {
  checklistStepParamsSchema,
  checklistStepUpdateSchema,
  checklistTemplateParamsSchema,
  checklistTemplateSchema,
  checklistTemplateUpdateSchema,
  idParamsSchema,
  matterChecklistSchema,
} from '@retainer/shared';
import type { App, Deps } from '../../plugins/app-types.js';
import { getChecklistTemplate, readChecklist, replaceChecklistTemplate, updateChecklistStep } from './checklists.service.js';
import { keyDatesRoutes } from './key-dates.routes.js';

const tags = ['checklists'];

/** M-3 checklist templates (admins) and each matter's checklist; M-5 key dates. */
export function matterProcessRoutes(app: App, deps: Deps) {
  const d = { db: deps.db, clock: deps.clock, timeZone: deps.config.firmTimeZone };

  app.get(
    '/checklist-templates/:type',
    { config: { access: 'settings:manage' }, schema: { tags, params: checklistTemplateParamsSchema, response: { 200: checklistTemplateSchema } } },
    async (req) => getChecklistTemplate(deps.db, req.params.type),
  );

  app.put(
    '/checklist-templates/:type',
    {
      config: { access: 'settings:manage' },
      schema: { tags, params: checklistTemplateParamsSchema, body: checklistTemplateUpdateSchema, response: { 200: checklistTemplateSchema } },
    },
    async (req) => replaceChecklistTemplate(d, req.ctx, req.params.type, req.body),
  );

  app.get(
    '/matters/:id/checklist',
    { config: { access: 'matters:read' }, schema: { tags, params: idParamsSchema, response: { 200: matterChecklistSchema } } },
    async (req) => readChecklist(d, req.actor!, req.params.id),
  );

  app.patch(
    '/matters/:id/checklist/:stepId',
    {
      config: { access: 'matters:write' },
      schema: { tags, params: checklistStepParamsSchema, body: checklistStepUpdateSchema, response: { 200: matterChecklistSchema } },
    },
    async (req) => updateChecklistStep(d, req.ctx, req.params.id, req.params.stepId, req.body),
  );

  keyDatesRoutes(app, d);
}
