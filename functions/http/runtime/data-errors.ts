/**
 * The HTTP answer to what `data/` refuses (data/data-errors.ts): the data layer speaks
 * of cursors and contention, this runtime of statuses and field paths (DESIGN §4).
 * Anything else passes through unchanged.
 */
import { DataBusyError, InvalidCursorError } from '../../data/data-errors'
import { AppError, ValidationError } from '../../shared/errors'

export const httpErrorOf = (error: unknown): unknown => {
  if (error instanceof InvalidCursorError)
    return new ValidationError(
      [{ path: 'cursor', message: 'Kursor tidak sah.' }],
      'Kursor halaman tidak sah.',
    )
  // Our contention, not the caller's mistake: a 503 they may retry, never a bare 500.
  if (error instanceof DataBusyError)
    return new AppError(503, 'INTERNAL', 'Layanan sedang sibuk. Silakan kirim ulang sebentar lagi.', [], {
      'retry-after': '2',
    })
  return error
}
