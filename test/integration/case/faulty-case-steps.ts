/**
 * The case steps Lambda with a fault a test can switch on (issue 17): the real step runs
 * and commits, then the invocation fails, as when a Lambda dies after its writes. Used
 * only by the NEEDS_ATTENTION tests, through the platform's `workflows` option.
 */
import { handler as caseSteps } from '../../../functions/steps/case/handler'

export const fault: { step?: string; kind?: string; failures: number } = { failures: 0 }

export const handler = async (payload: unknown): Promise<unknown> => {
  const result = await caseSteps(payload)
  const request = payload as { step?: string; kind?: string }
  if (
    fault.step !== undefined &&
    request.step === fault.step &&
    (!fault.kind || request.kind === fault.kind)
  ) {
    fault.failures += 1
    throw Object.assign(new Error('simulated outage after the step committed'), { name: 'SimulatedOutage' })
  }
  return result
}
