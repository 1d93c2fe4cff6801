/**
 * DESIGN §3 "Apply is idempotent per chunk", with a real restart: the platform dies in
 * the middle of an apply chunk, a new platform on the same tables and DATA_DIR resumes
 * the execution from its checkpoint (the apply Map), and the registry ends exactly as an
 * uninterrupted run leaves it — every row once, one audit entry each.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { workflows } from '../../../workflows/workflows'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { armCrash } from './crashing-steps'
import { createVervalDriver, currentPeriod, family } from './verval-driver'

/**
 * Chunks of 50 rows (a platform option; AWS's are CHUNK_ROWS): the same two chunks and the
 * same restart in the second as with 1,200 rows in chunks of 1,000, in a twentieth of the writes.
 */
const CHUNK = 50
const ROWS = CHUNK + 10
const ROWS_BEFORE_CRASH = 5
const dataDir = mkdtempSync(join(tmpdir(), 'tksk-verval-restart-'))
const tablePrefix = `vrestart${process.pid}${Date.now().toString(36)}`
let platform: TestPlatform | undefined
// Tokens are signed with a platform's DATA_DIR secret: a driver per DATA_DIR.
let driver = createVervalDriver(() => platform?.url ?? '')

const crashingWorkflows = workflows.map((workflow) =>
  workflow.name === 'verval'
    ? { ...workflow, stepsEntry: fileURLToPath(new URL('./crashing-steps.ts', import.meta.url)) }
    : workflow,
)

afterAll(async () => {
  await platform?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

const rows = Array.from({ length: ROWS }, (_, n) => family(500 + n))

/** Uploads the rows as PKH, approves them once validated; returns the batch id. */
const uploadAndApprove = async (): Promise<string> => {
  const batchId = await driver.uploadOk(rows, 'tksk.leuwiliang', `program=PKH&period=${currentPeriod()}`)
  const validated = await driver.waitFor(batchId, ['AWAITING_APPROVAL', 'INVALID'], 240_000)
  expect(validated).toMatchObject({ status: 'AWAITING_APPROVAL', rows: ROWS, errorCount: 0 })
  expect((await driver.decide(batchId, 'APPROVE')).status).toBe(200)
  return batchId
}

/** The registry as a reader sees it, without what differs between two runs (batch ids, times). */
const comparable = (registry: Record<string, unknown>[]) =>
  registry
    .map(({ lastBatchId: _b, updatedAt: _u, history, ...rest }): Record<string, unknown> => ({
      ...rest,
      history: (history as { aksi: string; period: string }[]).map(({ aksi, period }) => ({ aksi, period })),
    }))
    .sort((a, b) => String(a.nama).localeCompare(String(b.nama)))

describe('a restart in the middle of a verval apply', () => {
  it('resumes the apply Map and leaves the same registry as an uninterrupted run', async () => {
    // The uninterrupted run, on a platform of its own.
    platform = await startTestPlatform({ vervalChunkRows: CHUNK })
    const straight = await uploadAndApprove()
    expect((await driver.waitFor(straight, ['APPLIED'], 240_000)).status).toBe('APPLIED')
    const expected = comparable(await driver.registry('32.01.14', 'PKH'))
    expect(expected).toHaveLength(ROWS)
    await platform.dispose()
    platform = undefined

    // The same file on a platform that dies a few rows into the second apply chunk.
    const plan = armCrash(CHUNK + 1, ROWS_BEFORE_CRASH)
    driver = createVervalDriver(() => platform?.url ?? '')
    platform = await startTestPlatform({
      dataDir,
      tablePrefix,
      workflows: crashingWorkflows,
      vervalChunkRows: CHUNK,
    })
    const batchId = await uploadAndApprove()
    await Promise.race([
      plan.crashed,
      new Promise((_, reject) => setTimeout(() => reject(new Error('the crash never came')), 120_000)),
    ])
    expect((await driver.batch(batchId)).status).toBe('APPLYING')
    const partial = await driver.registry('32.01.14', 'PKH')
    expect(partial.length).toBeGreaterThanOrEqual(ROWS_BEFORE_CRASH)
    expect(partial.length).toBeLessThan(ROWS)
    const stopping = platform.stop()
    plan.release()
    await stopping

    // A new platform on the same tables and DATA_DIR resumes the execution.
    platform = await startTestPlatform({ dataDir, tablePrefix, vervalChunkRows: CHUNK })
    expect((await driver.waitFor(batchId, ['APPLIED'], 240_000)).status).toBe('APPLIED')
    const registry = await driver.registry('32.01.14', 'PKH')
    expect(registry.every((kpm) => kpm.lastBatchId === batchId)).toBe(true)
    expect(comparable(registry)).toEqual(expected)
    // Every row applied once: one history entry and one audit entry each, the batch closed once.
    expect(registry.every((kpm) => (kpm.history as unknown[]).length === 1)).toBe(true)
    const added = await driver.auditOf('KPM_ADDED', batchId)
    expect(added).toHaveLength(ROWS)
    expect(new Set(added.map((entry) => entry.after?.line)).size).toBe(ROWS)
    const closed = await driver.call(
      'auditor.bogor',
      `/api/audit?action=VERVAL_APPLIED&area=32.01.14&limit=100`,
    )
    const closings = ((await closed.json()) as { items: { entityId: string }[] }).items.filter((entry) =>
      entry.entityId.includes(batchId),
    )
    expect(closings).toHaveLength(1)
  }, 900_000)
})
