import {
  directoryEntrySchema,
  directoryQuerySchema,
  idParamsSchema,
  listResponseSchema,
  passwordResetSchema,
  userCreateSchema,
  userListQuerySchema,
  userSchema,
  userUpdateSchema,
} from '@retainer/shared';
import { z } from 'zod';
import type { App, Deps } from '../../plugins/app-types.js';
import { createUser, getUser, listDirectory, listUsers, resetPassword, setUserActive, updateUser } from './users.service.js';

const tags = ['users'];

export function usersRoutes(app: App, deps: Deps) {
  app.get(
    '/users',
    { config: { access: 'users:read' }, schema: { tags, querystring: userListQuerySchema, response: { 200: listResponseSchema(userSchema) } } },
    async (req) => listUsers(deps, req.query),
  );

  app.get(
    '/users/directory',
    { config: { access: 'clients:read' }, schema: { tags, querystring: directoryQuerySchema, response: { 200: listResponseSchema(directoryEntrySchema) } } },
    async (req) => listDirectory(deps, req.query),
  );

  app.post(
    '/users',
    { config: { access: 'users:manage' }, schema: { tags, body: userCreateSchema, response: { 201: userSchema } } },
    async (req, reply) => reply.code(201).send(await createUser(deps, req.ctx, req.body)),
  );

  app.get(
    '/users/:id',
    { config: { access: 'users:read' }, schema: { tags, params: idParamsSchema, response: { 200: userSchema } } },
    async (req) => getUser(deps.db, req.params.id),
  );

  app.patch(
    '/users/:id',
    { config: { access: 'users:manage' }, schema: { tags, params: idParamsSchema, body: userUpdateSchema, response: { 200: userSchema } } },
    async (req) => updateUser(deps, req.ctx, req.params.id, req.body),
  );

  app.post(
    '/users/:id/deactivate',
    { config: { access: 'users:manage' }, schema: { tags, params: idParamsSchema, response: { 200: userSchema } } },
    async (req) => setUserActive(deps, req.ctx, req.params.id, false),
  );

  app.post(
    '/users/:id/activate',
    { config: { access: 'users:manage' }, schema: { tags, params: idParamsSchema, response: { 200: userSchema } } },
    async (req) => setUserActive(deps, req.ctx, req.params.id, true),
  );

  app.post(
    '/users/:id/reset-password',
    { config: { access: 'users:manage' }, schema: { tags, params: idParamsSchema, body: passwordResetSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await resetPassword(deps, req.ctx, req.params.id, req.body.password);
      return reply.code(204).send(null);
    },
  );
}
