import { ERROR_MESSAGES, type ErrorCode, type FieldError, type Locale } from '@retainer/shared';

/** A message written for people, in both interface languages. */
export type Localized = Record<Locale, string>;

/** Typed domain error: a code, an HTTP status and a message safe to show to people. */
export class AppError extends Error {
  readonly localized: Localized;
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    localized?: Localized,
    readonly details: unknown = null,
  ) {
    const text = localized ?? ERROR_MESSAGES[code];
    super(text['en-US']);
    this.localized = text;
  }
}

export class NotFound extends AppError {
  constructor(message?: Localized) {
    super('not_found', 404, message);
  }
}
export class Forbidden extends AppError {
  constructor(message?: Localized) {
    super('forbidden', 403, message);
  }
}
export class Unauthenticated extends AppError {
  constructor(message?: Localized) {
    super('unauthenticated', 401, message);
  }
}
export class Conflict extends AppError {
  constructor(message?: Localized, details: unknown = null) {
    super('conflict', 409, message, details);
  }
}
export class ValidationFailed extends AppError {
  constructor(details: FieldError[]) {
    super('validation_failed', 400, undefined, details);
  }
}
export class TooManyAttempts extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('too_many_attempts', 429);
  }
}
