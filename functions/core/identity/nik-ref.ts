/**
 * `nikRef = HMAC-SHA256(NIK, pepper)` (DESIGN §1): how records of one person are linked
 * without the NIK ever appearing in a key or an index.
 */
import { createHmac } from 'node:crypto'

export const nikRefOf = (nik: string, pepper: string): string =>
  createHmac('sha256', pepper).update(nik).digest('hex')
