/**
 * The laporan steps Lambda with a step a test can break for good (as a bug or a lasting
 * outage would), every invocation and retry of it throwing until `heal` is called. State
 * lives on `globalThis`, since the local platform imports this module itself.
 */
import { handler as realHandler } from '../../../functions/steps/laporan/handler'

const slot = globalThis as { __laporanFailingStep?: string }

export const breakLaporanStep = (step: string): { heal: () => void } => {
  slot.__laporanFailingStep = step
  return { heal: () => (slot.__laporanFailingStep = undefined) }
}

export const handler = async (payload: unknown): Promise<unknown> => {
  const { step } = payload as { step?: string }
  if (step !== undefined && step === slot.__laporanFailingStep) throw new Error(`the ${step} step is broken`)
  return realHandler(payload)
}
