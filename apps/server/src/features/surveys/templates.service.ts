import type { Question, SurveyTemplate, SurveyTemplateUpdate } from '@retainer/shared';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import { recordAudit } from '../../plugins/audit.js';
import type { Clock } from '../../plugins/clock.js';
import type { Ctx } from '../../plugins/context.js';
import { NotFound, ValidationFailed } from '../../plugins/errors.js';
import { checkTemplate } from './surveys.answers.js';
import type { SurveyTemplatesTable } from './surveys.table.js';

type Db = Kysely<Database>;
type Row = Selectable<SurveyTemplatesTable> & { updated_by_name: string | null };

function toTemplate(r: Row): SurveyTemplate {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    intro: r.intro,
    version: r.version,
    questions: JSON.parse(r.questions) as Question[],
    updatedAt: r.updated_at,
    updatedByName: r.updated_by_name,
  };
}

function templatesOf(db: Db) {
  return db
    .selectFrom('survey_templates')
    .leftJoin('users', 'users.id', 'survey_templates.updated_by')
    .selectAll('survey_templates')
    .select('users.name as updated_by_name');
}

export async function listTemplates(db: Db): Promise<SurveyTemplate[]> {
  return (await templatesOf(db).orderBy('survey_templates.kind', 'desc').execute()).map(toTemplate);
}

export async function readTemplate(db: Db, id: string): Promise<SurveyTemplate> {
  const row = await templatesOf(db).where('survey_templates.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound();
  return toTemplate(row);
}

/**
 * V-1: an admin's edit makes a new version. Sent surveys keep the questions they were sent with,
 * so past responses always read against their own questions.
 */
export async function updateTemplate(deps: { db: Db; clock: Clock }, ctx: Ctx, id: string, input: SurveyTemplateUpdate): Promise<SurveyTemplate> {
  const locale = ctx.actor?.locale ?? 'zh-CN';
  await deps.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('survey_templates').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new NotFound();
    const errors = checkTemplate(before.kind, input.questions, locale);
    if (errors.length) throw new ValidationFailed(errors);
    const after = {
      name: input.name,
      intro: input.intro,
      questions: JSON.stringify(input.questions),
      version: before.version + 1,
      updated_at: deps.clock.now().toISOString(),
      updated_by: ctx.actor?.id ?? null,
    };
    await trx.updateTable('survey_templates').set(after).where('id', '=', id).execute();
    await trx
      .insertInto('survey_template_versions')
      .values({ template_id: id, version: after.version, name: after.name, intro: after.intro, questions: after.questions, created_at: after.updated_at, created_by: after.updated_by })
      .execute();
    await recordAudit(trx, ctx, deps.clock, {
      action: 'update',
      entity: 'survey_template',
      entityId: id,
      before: { name: before.name, version: before.version },
      after: { name: after.name, version: after.version },
    });
  });
  return readTemplate(deps.db, id);
}
