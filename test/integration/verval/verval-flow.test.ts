import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPlatform, type TestPlatform } from '../../support/platform'
import { createVervalDriver, family } from './verval-driver'

let platform: TestPlatform
const driver = createVervalDriver(() => platform.url)

beforeAll(async () => {
  platform = await startTestPlatform()
}, 60_000)
afterAll(() => platform?.dispose())

describe('a verval batch from upload to the registry', () => {
  it('a valid batch is validated, approved and applied, and the registry matches it', async () => {
    const rows = Array.from({ length: 30 }, (_, n) => family(n + 1))
    const batchId = await driver.uploadOk(rows)
    const validated = await driver.waitFor(batchId, ['AWAITING_APPROVAL', 'INVALID'])
    expect(validated).toMatchObject({ status: 'AWAITING_APPROVAL', rows: 30, errorCount: 0 })
    expect(validated.summary).toEqual({ added: 30, updated: 0, removed: 0, unchanged: 0 })

    expect((await driver.decide(batchId, 'APPROVE')).status).toBe(200)
    const applied = await driver.waitFor(batchId, ['APPLIED'])
    expect(applied.status).toBe('APPLIED')

    const registry = await driver.registry()
    expect(registry).toHaveLength(30)
    expect(registry.every((kpm) => kpm.status === 'ACTIVE' && kpm.lastBatchId === batchId)).toBe(true)
    expect(registry.map((kpm) => kpm.nama).sort()).toEqual(rows.map((r) => r.nama).sort())
    expect(JSON.stringify(registry)).not.toContain(rows[0]?.nik ?? 'none')
    expect(registry[0]).toMatchObject({ history: [{ batchId, aksi: 'BARU' }] })
  })
})
