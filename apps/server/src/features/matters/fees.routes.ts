import { feeCreateSchema, feeListResponseSchema, feeSchema, idParamsSchema, listQuerySchema, matterFeeParamsSchema } from '@retainer/shared';
import { z } from 'zod';
import type { App } from '../../plugins/app-types.js';
import { addFee, deleteFee, listFees } from './fees.service.js';
import type { Deps } from './matters.write.js';

const tags = ['fees'];

/** M-2 fee receipts of a matter (a record; billing stays in the firm's finance system). */
export function feesRoutes(app: App, d: Deps) {
  app.get(
    '/matters/:id/fees',
    { config: { access: 'matters:read' }, schema: { tags, params: idParamsSchema, querystring: listQuerySchema, response: { 200: feeListResponseSchema } } },
    async (req) => listFees(d.db, req.actor!, req.params.id, req.query),
  );

  app.post(
    '/matters/:id/fees',
    { config: { access: 'matters:write' }, schema: { tags, params: idParamsSchema, body: feeCreateSchema, response: { 201: feeSchema } } },
    async (req, reply) => reply.code(201).send(await addFee(d, req.ctx, req.params.id, req.body)),
  );

  app.delete(
    '/matters/:id/fees/:feeId',
    { config: { access: 'matters:write' }, schema: { tags, params: matterFeeParamsSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteFee(d, req.ctx, req.params.id, req.params.feeId);
      return reply.code(204).send(null);
    },
  );
}
