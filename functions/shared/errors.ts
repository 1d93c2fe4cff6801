/**
 * Errors that cross the HTTP boundary, in the shape of DESIGN §4. Only `AppError`s are
 * shown to the caller (`expose`); anything else becomes a generic 500 `INTERNAL`.
 * Messages are in Bahasa Indonesia because they reach residents and staff as they are.
 */
export interface ErrorDetail {
  path: string
  message: string
}

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'GONE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'INTERNAL'

export class AppError extends Error {
  readonly expose = true
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = new.target.name
  }
}

export class ValidationError extends AppError {
  constructor(details: ErrorDetail[], message = 'Data yang dikirim tidak valid.') {
    super(400, 'VALIDATION_FAILED', message, details)
  }
}

export class BadRequestError extends AppError {
  constructor(message = 'Permintaan tidak dapat diproses.', details: ErrorDetail[] = []) {
    super(400, 'BAD_REQUEST', message, details)
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Silakan masuk terlebih dahulu.') {
    super(401, 'UNAUTHENTICATED', message, [], { 'www-authenticate': 'Bearer' })
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Anda tidak berwenang melakukan tindakan ini.', details: ErrorDetail[] = []) {
    super(403, 'FORBIDDEN', message, details)
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Data tidak ditemukan.') {
    super(404, 'NOT_FOUND', message)
  }
}

export class ConflictError extends AppError {
  constructor(
    message = 'Permintaan bertentangan dengan keadaan data saat ini.',
    details: ErrorDetail[] = [],
  ) {
    super(409, 'CONFLICT', message, details)
  }
}

export class GoneError extends AppError {
  constructor(message = 'Tautan ini sudah tidak berlaku.') {
    super(410, 'GONE', message)
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super(413, 'PAYLOAD_TOO_LARGE', `Isi permintaan melebihi batas ${limitBytes} byte.`)
  }
}

export class UnsupportedMediaTypeError extends AppError {
  constructor(expected: string) {
    super(415, 'UNSUPPORTED_MEDIA_TYPE', `Jenis isi permintaan harus ${expected}.`)
  }
}

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number, message = 'Terlalu banyak permintaan. Coba lagi sebentar lagi.') {
    super(429, 'RATE_LIMITED', message, [], {
      'retry-after': String(retryAfterSeconds),
    })
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError

export const errorBody = (error: AppError) => ({
  error: {
    code: error.code,
    message: error.message,
    ...(error.details.length > 0 ? { details: error.details } : {}),
  },
})

export const internalErrorBody = () => ({
  error: { code: 'INTERNAL' as const, message: 'Terjadi kesalahan pada sistem. Silakan coba lagi.' },
})
