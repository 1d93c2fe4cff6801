/**
 * Structured JSON logging (Powertools). Every string value passes through the NIK/KK
 * mask before it is written, so a 16-digit number that slips into a message or an
 * attribute never reaches the logs in full (DESIGN §1).
 */
import { Logger } from '@aws-lambda-powertools/logger'
import { maskDigitsIn } from '../core/identity/mask'

export const maskingReplacer = (_key: string, value: unknown): unknown =>
  typeof value === 'string' ? maskDigitsIn(value) : value

export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'tksk-flow',
  logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO',
  jsonReplacerFn: maskingReplacer,
})
