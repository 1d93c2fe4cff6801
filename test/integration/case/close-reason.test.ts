/**
 * Where Close finds the reason it closes a case with (ADR 0006 addendum, DESIGN §3.6): a
 * typed reason stays on its task and the state names the task (`reasonTaskId`); an
 * execution started before that change still carries the reason itself (`close.reason`)
 * and must close the same way. Close is called here directly on a case parked at its
 * assessment, as the workflow would call it.
 */
import { afterEach, beforeAll, expect, it, vi } from 'vitest'
import { getCase } from '../../../functions/data/case-repository'
import { logger } from '../../../functions/shared/logger'
import { close } from '../../../functions/steps/case/close'
import { useTestPlatform } from '../../support/platform'
import { createDriver, EMAILS, intakeBody, nikOf } from './case-driver'

const platform = useTestPlatform()
const driver = createDriver(platform.url)

/** A case waiting on its assessment: open, as the workflow's Close finds one. */
const parkedCase = async (serial: number) => {
  const { caseId, reference } = await driver.submitCase(intakeBody({}, { nik: nikOf(serial) }))
  await driver.mail(EMAILS.tksk, reference, 'Asesmen')
  return caseId
}

let oldStyle: string
let missingTask: string
beforeAll(async () => {
  oldStyle = await parkedCase(9201)
  missingTask = await parkedCase(9202)
})
afterEach(() => {
  vi.restoreAllMocks()
})

it('a state from before reasonTaskId (the reason itself in close.reason) closes the case with that reason', async () => {
  const state = await close({
    caseId: oldStyle,
    round: 1,
    next: 'CLOSE',
    close: { outcome: 'NOT_ELIGIBLE', reason: 'Keluarga sudah menerima PBI' },
  })
  expect(state).toMatchObject({ caseId: oldStyle, next: 'DONE', close: { outcome: 'NOT_ELIGIBLE' } })
  expect(await getCase(oldStyle)).toMatchObject({
    status: 'CLOSED',
    outcome: 'NOT_ELIGIBLE',
    outcomeReason: 'Keluarga sudah menerima PBI',
  })
})

it('a reasonTaskId naming no task closes the case without a reason, and says so in a warning with the case and task', async () => {
  const warn = vi.spyOn(logger, 'warn')
  const state = {
    caseId: missingTask,
    round: 1,
    next: 'CLOSE',
    close: { outcome: 'NOT_ELIGIBLE', reasonTaskId: 'no-such-task' },
  } as const
  await close(state)
  const closed = await getCase(missingTask)
  expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'NOT_ELIGIBLE' })
  expect(closed?.outcomeReason).toBeUndefined()
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('closing reason task'), {
    caseId: missingTask,
    taskId: 'no-such-task',
  }) // A replay finds the case closed: it needs no reason, and says nothing.
  await close(state)
  expect(warn).toHaveBeenCalledTimes(1)
})
