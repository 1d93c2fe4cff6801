/**
 * What an operator reads when following a case (issue 17, ADR 0024): the request's
 * correlation id travels into the workflow, and every step's log lines carry it with the
 * execution's name, the case id and the Lambda context; none carries who the case is about.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { SITI_AMINAH } from '../../support/applicant'
import type { TestPlatform } from '../../support/platform'
import { captureOutput } from '../../support/output-lines'
import { createDriver, intakeBody } from '../case/case-driver'

let platform: TestPlatform
const driver = createDriver(() => platform.url)

// The integration project logs warnings only, and Powertools resets a logger to the level
// it was made with at every invocation: this file loads its own platform, with its own
// loggers made at INFO, so the steps' INFO lines are written.
beforeAll(async () => {
  vi.stubEnv('LOG_LEVEL', 'INFO')
  vi.resetModules()
  const { startTestPlatform } = await import('../../support/platform')
  platform = await startTestPlatform()
  // A second module graph for this worker loads the whole platform again: slow on a busy machine.
}, 180_000)
afterAll(async () => {
  await platform?.dispose()
  vi.unstubAllEnvs()
  vi.resetModules()
})

describe('the log lines of a case’s workflow steps', () => {
  it('carry the correlation id of the intake request, the execution, the case and the Lambda context, and no personal data', async () => {
    const stdout = captureOutput()
    try {
      const correlationId = 'corr-intake-0001'
      const { caseId, reference } = await driver.submitCase(intakeBody(), {
        'x-correlation-id': correlationId,
      })
      await driver.waitForStatus(reference, 'ASSESSMENT')

      const caseLines = () => stdout.lines().filter((line) => line.caseId === caseId)
      // Opening the assessment task ends after the status changes: wait for its line.
      await vi.waitFor(
        () =>
          expect(new Set(caseLines().map((line) => line.step))).toEqual(
            new Set(['identify', 'openTask', 'waitTask']),
          ),
        { timeout: 15_000, interval: 100 },
      )
      for (const line of caseLines()) {
        expect(line).toMatchObject({
          correlationId,
          executionName: caseId,
          function_name: 'tksk-case-steps',
          function_request_id: expect.any(String),
          cold_start: expect.any(Boolean),
        })
      }
      const everything = JSON.stringify(stdout.lines())
      for (const personal of [
        SITI_AMINAH.nik,
        SITI_AMINAH.kk,
        SITI_AMINAH.name,
        SITI_AMINAH.birthDate,
        SITI_AMINAH.phone,
        SITI_AMINAH.email,
      ])
        expect(everything).not.toContain(personal)
    } finally {
      stdout.restore()
    }
  })
})
