/**
 * The Lambda of every step of `workflows/laporan.asl.json` (issue 16 item 5, ADR 0039),
 * dispatching on `step`: `schedule` reads the report's reminder and due instants (the
 * Waits' timestamps), `remind` and `escalate` act at them. Each returns the state.
 */
import * as z from 'zod'
import { remindLaporan, escalateLaporan } from '../../flows/laporan/laporan-deadline'
import { getLaporan } from '../../data/laporan-repository'
import { withStepLogging } from '../../observability/step-logging'
import { now } from '../../shared/clock'

const state = z.looseObject({
  kecamatan: z.string().min(1),
  month: z.string().min(1),
  correlationId: z.string().default(''),
})
const payloadSchema = z.object({
  step: z.enum(['schedule', 'remind', 'escalate']),
  input: state,
})

export interface LaporanState {
  kecamatan: string
  month: string
  correlationId: string
  remindAt?: string
  dueAt?: string
}

const run = async (payload: unknown): Promise<LaporanState> => {
  const { step, input } = payloadSchema.parse(payload)
  const report = { kecamatan: input.kecamatan, month: input.month, correlationId: input.correlationId }
  switch (step) {
    case 'schedule': {
      const record = await getLaporan(input.kecamatan, input.month)
      if (!record) throw new Error(`laporan ${input.kecamatan} ${input.month} does not exist`)
      return { ...report, remindAt: record.remindAt, dueAt: record.dueAt }
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
