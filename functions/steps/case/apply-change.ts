/**
 * What every applier of a decided task shares: the decided task it is given and the one
 * conditional change of the case it makes (apply-decision dispatches to the appliers by
 * the task's kind, so they cannot import it back).
 */
import type { CaseRecord } from '../../core/case/case-record'
import type { Decision } from '../../core/case/task-kinds'
import type { TaskRecord } from '../../core/case/task-record'
import { type CaseChange, changeCase } from '../../data/case-change'
import { nowIso } from '../../shared/clock'
import type { CaseState } from './case-state'

export interface DecidedTask {
  state: CaseState
  record: CaseRecord
  task: TaskRecord
  decision: Decision
}

/** Applies a change for the decided task; the case moved on (withdrawn) → CLOSE. */
export const applyChange = async (
  decided: DecidedTask,
  change: Omit<CaseChange, 'stepKey' | 'audit'> & { action: string; after?: CaseChange['audit']['after'] },
): Promise<boolean> => {
  const { task, record, state } = decided
  const by = task.decidedBy
  const result = await changeCase(
    record,
    {
      ...change,
      stepKey: `apply:${task.taskId}`,
      audit: {
        action: change.action,
        actor: by ? { id: by.id, role: by.role } : { id: 'tksk-flow', role: 'system' },
        ...(change.after !== undefined ? { after: change.after } : {}),
        correlationId: `case-workflow:${state.caseId}`,
      },
    },
    nowIso(),
  )
  return result.record.status !== 'CLOSED'
}
