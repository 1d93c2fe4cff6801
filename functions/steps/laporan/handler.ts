/**
 * The Lambda of every step of `workflows/laporan.asl.json` (issue 16 item 5, ADR 0039),
 * dispatching on `step`: `schedule` reads the report's reminder and due instants (the
 * Waits' timestamps), `remind` and `escalate` act at them. Each returns the state.
 * `markAttention` and `awaitRetry` are the catch-all's (ADR 0040).
 */
import * as z from 'zod'
import { remindLaporan, escalateLaporan } from '../../flows/laporan/laporan-deadline'
import { getLaporan } from '../../data/laporan-repository'
import { withStepLogging } from '../../observability/step-logging'
import { now } from '../../shared/clock'
import { catchAllPayloads } from '../shared/catch-all-payloads'
import { awaitRetry, markAttention } from './attention'
import type { LaporanState } from './laporan-state'

const state = z.looseObject({
  kecamatan: z.string().min(1),
  month: z.string().min(1),
  correlationId: z.string().default(''),
})
const payloadSchema = z.discriminatedUnion('step', [
  z.object({ step: z.enum(['schedule', 'remind', 'escalate']), input: state }),
  ...catchAllPayloads(state),
])

const run = async (payload: unknown): Promise<unknown> => {
  const request = payloadSchema.parse(payload)
  switch (request.step) {
    case 'markAttention':
      await markAttention(request.input, {
        executionArn: request.executionArn,
        redriveCount: request.redriveCount,
      })
      return null
    case 'awaitRetry':
      return awaitRetry(request.input, request.redriveCount)
  }
  const { input } = request
  const report = { kecamatan: input.kecamatan, month: input.month, correlationId: input.correlationId }
  switch (request.step) {
    case 'schedule': {
      const record = await getLaporan(input.kecamatan, input.month)
      if (!record) throw new Error(`laporan ${input.kecamatan} ${input.month} does not exist`)
      return { ...report, remindAt: record.remindAt, dueAt: record.dueAt } satisfies LaporanState
    }
    case 'remind':
      await remindLaporan(report, now())
      return { ...input, ...report }
    case 'escalate':
      await escalateLaporan(report, now())
      return { ...input, ...report }
  }
}

export const handler = withStepLogging(run)
