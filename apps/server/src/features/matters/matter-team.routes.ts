import {
  idParamsSchema,
  matterMemberAddSchema,
  matterMemberParamsSchema,
  matterPartyParamsSchema,
  matterSchema,
  opposingPartyCreateSchema,
} from '@retainer/shared';
import type { App } from '../../plugins/app-types.js';
import { addMember, addOpposingParty, removeMember, removeOpposingParty } from './matters.team.js';
import type { Deps } from './matters.write.js';

const tags = ['matters'];

/** Members and opposing parties; each answers the whole matter as it now stands. */
export function matterTeamRoutes(app: App, d: Deps) {
  app.post(
    '/matters/:id/members',
    { config: { access: 'matters:write' }, schema: { tags, params: idParamsSchema, body: matterMemberAddSchema, response: { 201: matterSchema } } },
    async (req, reply) => reply.code(201).send(await addMember(d, req.ctx, req.params.id, req.body)),
  );

  app.delete(
    '/matters/:id/members/:userId',
    { config: { access: 'matters:write' }, schema: { tags, params: matterMemberParamsSchema, response: { 200: matterSchema } } },
    async (req) => removeMember(d, req.ctx, req.params.id, req.params.userId),
  );

  app.post(
    '/matters/:id/opposing-parties',
    { config: { access: 'matters:write' }, schema: { tags, params: idParamsSchema, body: opposingPartyCreateSchema, response: { 201: matterSchema } } },
    async (req, reply) => reply.code(201).send(await addOpposingParty(d, req.ctx, req.params.id, req.body)),
  );

  app.delete(
    '/matters/:id/opposing-parties/:partyId',
    { config: { access: 'matters:write' }, schema: { tags, params: matterPartyParamsSchema, response: { 200: matterSchema } } },
    async (req) => removeOpposingParty(d, req.ctx, req.params.id, req.params.partyId),
  );
}
