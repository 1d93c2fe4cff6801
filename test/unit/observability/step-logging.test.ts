/**
 * The keys a workflow step's log lines carry (ADR 0024), read from the payload the ASL
 * builds: `execution: {name, input}` next to the step's own input.
 */
import { describe, expect, it } from 'vitest'
import { SITI_AMINAH } from '../../support/applicant'
import { captureOutput } from '../../support/output-lines'
import { stepLogKeys, withStepLogging } from '../../../functions/observability/step-logging'

const execution = (input: Record<string, string>) => ({ name: input.caseId ?? input.batchId, input })

describe('a step’s log keys', () => {
  it('a case step carries the step, the execution, the case and the correlation id of the request that filed it', () => {
    expect(
      stepLogKeys({
        step: 'openTask',
        kind: 'ASSESSMENT',
        input: { caseId: 'C1', round: 1 },
        execution: execution({ caseId: 'C1', correlationId: 'corr-1' }),
      }),
    ).toEqual({ step: 'openTask', executionName: 'C1', correlationId: 'corr-1', caseId: 'C1' })
  })

  it('the wait carries its task, and the case from the execution’s input', () => {
    expect(
      stepLogKeys({ step: 'waitTask', taskId: 'T1', token: 'tok', execution: execution({ caseId: 'C1' }) }),
    ).toEqual({ step: 'waitTask', executionName: 'C1', caseId: 'C1', taskId: 'T1' })
  })

  it('a verval chunk carries its batch', () => {
    expect(
      stepLogKeys({
        step: 'applyChunk',
        input: { batchId: 'B1', from: 1, to: 500 },
        execution: execution({ batchId: 'B1', correlationId: 'corr-2' }),
      }),
    ).toEqual({ step: 'applyChunk', executionName: 'B1', correlationId: 'corr-2', batchId: 'B1' })
  })

  it('a failing step logs its failure with its keys, and a NIK in the error is masked', async () => {
    const stdout = captureOutput()
    try {
      const failing = withStepLogging(async () => {
        throw new Error(`no registry row for ${SITI_AMINAH.nik}`)
      })
      await expect(
        failing({ step: 'identify', input: { caseId: 'C9' }, execution: execution({ caseId: 'C9' }) }),
      ).rejects.toThrow()
      const [line] = stdout.lines().filter((l) => l.message === 'step failed')
      expect(line).toMatchObject({ level: 'ERROR', step: 'identify', caseId: 'C9', executionName: 'C9' })
      expect(JSON.stringify(stdout.lines())).not.toContain(SITI_AMINAH.nik)
    } finally {
      stdout.restore()
    }
  })
})
