import {
  contactCreateSchema,
  contactSchema,
  contactUnmaskedSchema,
  contactUnmaskSchema,
  contactUpdateSchema,
  idParamsSchema,
  idSchema,
  listQuerySchema,
  listResponseSchema,
  personnelChangeSchema,
} from '@retainer/shared';
import { z } from 'zod';
import type { App, Deps } from '../../plugins/app-types.js';
import { createContact, deleteContact, listContacts, unmaskContact, updateContact } from './contacts.service.js';
import { listPersonnelChanges } from './personnel-changes.service.js';

const tags = ['contacts'];
const contactParamsSchema = z.strictObject({ id: idSchema, contactId: idSchema });

export function contactsRoutes(app: App, deps: Deps) {
  app.get(
    '/clients/:id/contacts',
    { config: { access: 'clients:read' }, schema: { tags, params: idParamsSchema, response: { 200: listResponseSchema(contactSchema) } } },
    async (req) => listContacts(deps.db, req.actor!, req.params.id),
  );

  app.post(
    '/clients/:id/contacts',
    { config: { access: 'clients:update' }, schema: { tags, params: idParamsSchema, body: contactCreateSchema, response: { 201: contactSchema } } },
    async (req, reply) => reply.code(201).send(await createContact(deps, req.ctx, req.params.id, req.body)),
  );

  app.patch(
    '/clients/:id/contacts/:contactId',
    { config: { access: 'clients:update' }, schema: { tags, params: contactParamsSchema, body: contactUpdateSchema, response: { 200: contactSchema } } },
    async (req) => updateContact(deps, req.ctx, req.params.id, req.params.contactId, req.body),
  );

  app.delete(
    '/clients/:id/contacts/:contactId',
    { config: { access: 'clients:update' }, schema: { tags, params: contactParamsSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteContact(deps, req.ctx, req.params.id, req.params.contactId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/clients/:id/contacts/:contactId/unmask',
    {
      config: { access: 'clients:read' },
      schema: { tags, params: contactParamsSchema, body: contactUnmaskSchema, response: { 200: contactUnmaskedSchema } },
    },
    async (req) => unmaskContact({ ...deps, timeZone: deps.config.firmTimeZone }, req.ctx, req.params.id, req.params.contactId, req.body.fields),
  );

  app.get(
    '/clients/:id/personnel-changes',
    {
      config: { access: 'clients:read' },
      schema: { tags, params: idParamsSchema, querystring: listQuerySchema, response: { 200: listResponseSchema(personnelChangeSchema) } },
    },
    async (req) => listPersonnelChanges(deps.db, req.actor!, req.params.id, req.query),
  );
}
