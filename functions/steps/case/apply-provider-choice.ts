/**
 * Dinsos's answer to "Pilih penyedia" (issue 13): CHOOSE → the case is recommended to
 * the chosen provider and goes to approval as if routing had found it; CLOSE → closed
 * NOT_FULFILLED (NO_PROVIDER), by a person and with their reason, never silently.
 */
import { findProvider } from '../../flows/providers/find-provider'
import type { DecidedTask } from './apply-change'
import { type CaseState, closeWith } from './case-state'
import { recommendProvider } from './recommend'

export const applyProviderChoice = async (decided: DecidedTask): Promise<CaseState> => {
  const { decision, state, record, task } = decided
  if (decision.action === 'CLOSE') return closeWith(state, 'NOT_FULFILLED', 'NO_PROVIDER')
  // Checked when Dinsos decided (decide-task.ts); a provider deleted since cannot happen (no deletes).
  const provider = await findProvider(String(decision.providerId))
  if (!provider) throw new Error(`provider ${String(decision.providerId)} vanished`)
  const by = task.decidedBy
  return recommendProvider(state, record, provider, {
    actor: by ? { id: by.id, role: by.role as 'dinsos' } : { id: 'tksk-flow', role: 'system' },
    stepKey: `apply:${task.taskId}`,
  })
}
