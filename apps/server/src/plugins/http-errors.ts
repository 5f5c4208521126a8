import { ERROR_MESSAGES, FIELD_MESSAGES, type ErrorCode, type FieldError, type Locale } from '@retainer/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isUniqueViolation } from './db.js';
import { AppError, TooManyAttempts } from './errors.js';

const localeErrors: Record<Locale, (issue: never) => unknown> = {
  'zh-CN': z.locales.zhCN().localeError as (issue: never) => unknown,
  'en-US': z.locales.en().localeError as (issue: never) => unknown,
};

/** The language of the person asking: their explicit header first, then their saved preference. */
export function requestLocale(req: FastifyRequest): Locale {
  const header = req.headers['accept-language'];
  if (typeof header === 'string') {
    const first = header.trim().toLowerCase();
    if (first.startsWith('en')) return 'en-US';
    if (first.startsWith('zh')) return 'zh-CN';
  }
  return req.actor?.locale ?? 'zh-CN';
}

type ZodLikeIssue = { instancePath: string; keyword: string; message: string; params: Record<string, unknown> };

function valueAt(source: unknown, path: string[]): unknown {
  let v = source;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

function fieldErrors(issues: ZodLikeIssue[], locale: Locale, source: unknown): FieldError[] {
  const out: FieldError[] = [];
  for (const v of issues) {
    const path = v.instancePath.split('/').filter(Boolean);
    // zod's messages describe what was received; the issue does not carry the input, so look it up.
    const issue = { code: v.keyword, path, message: v.message, input: valueAt(source, path), ...v.params };
    const own = FIELD_MESSAGES[v.message];
    const localized = own ? own[locale] : localeErrors[locale](issue as never);
    const message = typeof localized === 'string' ? localized : ((localized as { message?: string })?.message ?? v.message);
    if (v.keyword === 'unrecognized_keys' && Array.isArray(v.params.keys)) {
      for (const key of v.params.keys as string[]) {
        out.push({
          field: [...path, key].join('.'),
          message: locale === 'zh-CN' ? '不允许的字段' : 'unknown field',
        });
      }
    } else {
      out.push({ field: path.join('.') || '(root)', message });
    }
  }
  return out;
}

function send(reply: FastifyReply, status: number, code: ErrorCode, locale: Locale, details: unknown = null, message?: string) {
  return reply.code(status).type('application/json; charset=utf-8').send({
    error: { code, message: message ?? ERROR_MESSAGES[code][locale], details },
  });
}

const statusCodes: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'too_many_attempts',
};

/** One place turns every error into {error:{code,message,details}} and hides 5xx internals. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const locale = requestLocale(req);
    if (err instanceof AppError) {
      if (err instanceof TooManyAttempts) reply.header('retry-after', String(err.retryAfterSeconds));
      return send(reply, err.status, err.code, locale, err.details, err.localized[locale]);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation as unknown as ZodLikeIssue[];
      const where = err.validationContext;
      const source = where === 'body' ? req.body : where === 'querystring' ? req.query : where === 'params' ? req.params : req.headers;
      return send(reply, 400, 'validation_failed', locale, fieldErrors(issues, locale, source));
    }
    if (isUniqueViolation(err)) return send(reply, 409, 'conflict', locale);
    const status = err.statusCode ?? 500;
    if (status < 500) {
      if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
        return send(reply, 400, 'bad_request', locale, null, locale === 'zh-CN' ? '请求体不是有效的 JSON' : 'The request body is not valid JSON');
      }
      return send(reply, status, statusCodes[status] ?? 'bad_request', locale);
    }
    req.log.error({ err }, 'request failed');
    return send(reply, 500, 'internal', locale);
  });
}

/** Fastify's own routing errors (bad URL escapes, constraint failures) get the same shape. */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const status = err.code === 'FST_ERR_BAD_URL' ? 400 : (err.statusCode ?? 400);
  void send(reply, status, statusCodes[status] ?? 'bad_request', requestLocale(req));
}

export const MAX_PARAM_LENGTH = 200;

/** Fastify answers an over-long path parameter as "no route"; tell the caller what really happened. */
export function sendNotFound(req: FastifyRequest, reply: FastifyReply) {
  const path = req.url.split('?')[0] ?? '';
  const tooLong = path.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH);
  return tooLong ? send(reply, 414, 'uri_too_long', requestLocale(req)) : send(reply, 404, 'not_found', requestLocale(req));
}

/** Requests Node's HTTP parser refuses (e.g. raw non-ASCII bytes in the URL) still get the error shape. */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: import('node:net').Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) return;
  const code = err.code === 'HPE_HEADER_OVERFLOW' ? 'uri_too_long' : 'bad_request';
  const status = code === 'uri_too_long' ? 431 : 400;
  const body = JSON.stringify({ error: { code, message: ERROR_MESSAGES[code]['zh-CN'], details: null } });
  socket.end(
    `HTTP/1.1 ${status} ${status === 400 ? 'Bad Request' : 'Request Header Fields Too Large'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
