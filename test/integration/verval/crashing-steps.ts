/**
 * The verval steps Lambda with a crash that a test can arm: the apply chunk starting at
 * `chunkFrom` writes its first `rowsBeforeCrash` rows, then hangs as a process that died
 * mid-chunk would (nothing more is written) until the test has stopped the platform.
 * A test can also break a step for good (`breakStep`), as a bug or a lasting outage would.
 * State lives on `globalThis`, since the local platform imports this module itself.
 */
import { applyChunk } from '../../../functions/steps/verval/apply-chunk'
import { handler as realHandler } from '../../../functions/steps/verval/handler'

export interface CrashPlan {
  chunkFrom: number
  rowsBeforeCrash: number
  /** Settles once the partial chunk is written and the "process" is dead. */
  crashed: Promise<void>
  /** Lets the hung invocation end (with an error nobody reads any more). */
  release: () => void
}

const slot = globalThis as {
  __vervalCrashPlan?: CrashPlan & { signal: () => void; released: Promise<void> }
  __vervalFailingStep?: string
}

/** Makes every invocation of `step` throw, retries included, until `heal` is called. */
export const breakStep = (step: string): { heal: () => void } => {
  slot.__vervalFailingStep = step
  return { heal: () => (slot.__vervalFailingStep = undefined) }
}

export const armCrash = (chunkFrom: number, rowsBeforeCrash: number): CrashPlan => {
  let signal = () => undefined as void
  let release = () => undefined as void
  const crashed = new Promise<void>((resolve) => (signal = resolve))
  const released = new Promise<void>((resolve) => (release = resolve))
  slot.__vervalCrashPlan = { chunkFrom, rowsBeforeCrash, crashed, release, signal, released }
  return slot.__vervalCrashPlan
}

export const handler = async (payload: unknown): Promise<unknown> => {
  const plan = slot.__vervalCrashPlan
  const request = payload as { step?: string; input?: { batchId: string; from: number; to: number } }
  if (request.step !== undefined && request.step === slot.__vervalFailingStep)
    throw new Error(`the ${request.step} step is broken`)
  if (plan && request.step === 'applyChunk' && request.input?.from === plan.chunkFrom) {
    slot.__vervalCrashPlan = undefined // one crash only
    await applyChunk({ ...request.input, to: request.input.from + plan.rowsBeforeCrash - 1 })
    plan.signal()
    await plan.released
    throw new Error('the process died in the middle of the chunk')
  }
  return realHandler(payload)
}
