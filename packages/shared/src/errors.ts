import { z } from 'zod';

export const ERROR_CODES = [
  'validation_failed',
  'bad_request',
  'unauthenticated',
  'invalid_credentials',
  'csrf_invalid',
  'forbidden',
  'not_found',
  'conflict',
  'gone',
  'payload_too_large',
  'uri_too_long',
  'unsupported_media_type',
  'too_many_attempts',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const fieldErrorSchema = z.object({
  field: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Default, people-readable messages per code (N-1: the UI shows them as they are). */
export const ERROR_MESSAGES: Record<ErrorCode, { 'zh-CN': string; 'en-US': string }> = {
  validation_failed: { 'zh-CN': '提交的内容有误，请检查标出的字段', 'en-US': 'Some fields are invalid; please check them' },
  bad_request: { 'zh-CN': '请求格式不正确', 'en-US': 'The request is malformed' },
  unauthenticated: { 'zh-CN': '请先登录', 'en-US': 'Please sign in' },
  invalid_credentials: { 'zh-CN': '账号或密码错误', 'en-US': 'Wrong account or password' },
  csrf_invalid: { 'zh-CN': '页面已过期，请刷新后重试', 'en-US': 'The page has expired; please reload and try again' },
  forbidden: { 'zh-CN': '您没有执行此操作的权限', 'en-US': 'You do not have permission to do this' },
  not_found: { 'zh-CN': '记录不存在或您无权查看', 'en-US': 'Not found' },
  conflict: { 'zh-CN': '与现有记录冲突', 'en-US': 'This conflicts with an existing record' },
  gone: { 'zh-CN': '内容已不存在', 'en-US': 'This is no longer available' },
  payload_too_large: { 'zh-CN': '提交的内容过大', 'en-US': 'The request body is too large' },
  uri_too_long: { 'zh-CN': '请求地址过长', 'en-US': 'The request URL is too long' },
  unsupported_media_type: { 'zh-CN': '不支持的内容类型', 'en-US': 'Unsupported content type' },
  too_many_attempts: { 'zh-CN': '尝试次数过多，请稍后再试', 'en-US': 'Too many attempts; please try again later' },
  internal: { 'zh-CN': '服务器内部错误，请稍后再试', 'en-US': 'Internal server error; please try again later' },
};

/** Field messages the shared schemas use as codes, shown in the caller's language. */
export const FIELD_MESSAGES: Record<string, { 'zh-CN': string; 'en-US': string }> = {
  ids_duplicate: { 'zh-CN': '同一客户不能重复提交', 'en-US': 'Each client may appear only once' },
  id_number_invalid: {
    'zh-CN': '身份证号码无效（校验位或出生日期不正确）',
    'en-US': 'Not a valid ID number (check character or birth date)',
  },
  uscc_invalid: {
    'zh-CN': '统一社会信用代码无效（校验位不正确）',
    'en-US': 'Not a valid unified social credit code (check character)',
  },
  phone_invalid: { 'zh-CN': '电话号码格式不正确', 'en-US': 'Not a valid phone number' },
  date_invalid: { 'zh-CN': '日期不存在', 'en-US': 'No such date' },
};
