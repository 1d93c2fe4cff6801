/**
 * The daily pengesahan job (issue 21.5, ADR 0035): reminds and escalates what is late
 * against each watched kabupaten/kota's pengesahan day. On AWS an EventBridge schedule
 * invokes `handler`; locally infra/local/pengesahan runs the same flow on the project
 * clock. Each reminder is recorded with its mails in one transaction: a rerun sends nothing twice.
 */
import { runPengesahanReminders } from '../flows/verval/pengesahan'
import { now } from '../shared/clock'
import { logger } from '../shared/logger'

export const handler = async (): Promise<{ sent: number }> => {
  const run = await runPengesahanReminders(now())
  logger.info('pengesahan run finished', { sent: run.sent.length })
  return { sent: run.sent.length }
}
