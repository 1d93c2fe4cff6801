import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn'
import { mockClient } from 'aws-sdk-client-mock'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getBatch } from '../../../functions/data/batch-repository'
import { login, startTestPlatform, type TestPlatform } from '../../support/platform'
import { createVervalDriver, currentPeriod, family } from './verval-driver'

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

  it('a family whose NIK was issued before a region split is accepted, and the batch tells the TKSK which rows', async () => {
    const old = family(91, '320114', { nik: '3201994507800091', no_kk: '3201990101100091' })
    const batchId = await driver.uploadOk(
      [family(90), old],
      'tksk.leuwiliang',
      `program=PKH&period=${currentPeriod()}`,
    )
    const validated = await driver.waitFor(batchId, ['AWAITING_APPROVAL', 'INVALID'])
    expect(validated).toMatchObject({
      status: 'AWAITING_APPROVAL',
      errorCount: 0,
      oldRegions: { count: 1, lines: [3] },
    })
    const token = await login(platform.url, 'tksk.leuwiliang')
    const page = await (
      await fetch(`${platform.url}/staff/verval/${batchId}`, { headers: { cookie: `session=${token}` } })
    ).text()
    expect(page.replace(/\s+/g, ' ')).toContain(
      'Kode wilayah NIK lama atau tidak dikenal pada 1 baris (baris 3)',
    )
  })

  it('a NIK quoted with spaces in the reason of a rejection is stored masked, so the batch page never shows it', async () => {
    const batchId = await driver.uploadOk(
      [family(81)],
      'tksk.leuwiliang',
      `program=PBI&period=${currentPeriod()}`,
    )
    await driver.waitFor(batchId, ['AWAITING_APPROVAL'])
    const reason = 'Baris NIK 3201 1426 0780 0082 ganda'
    expect((await driver.decide(batchId, 'REJECT', reason)).status).toBe(200)
    // The TKSK's batch page shows the stored reason: it was stored masked.
    const token = await login(platform.url, 'tksk.leuwiliang')
    const page = await (
      await fetch(`${platform.url}/staff/verval/${batchId}`, { headers: { cookie: `session=${token}` } })
    ).text()
    expect(page).toContain('Baris NIK 320114******0082 ganda')
    expect(page).not.toContain('0780')
  })

  it('Dinsos and auditors read the registry of the whole kabupaten page by page; a TKSK only their kecamatan; other scopes 403, a national reader without an area 400', async () => {
    const ciampea = Array.from({ length: 3 }, (_, n) => family(50 + n, '320115'))
    const batchId = await driver.uploadOk(ciampea, 'tksk.ciampea')
    expect((await driver.waitFor(batchId, ['AWAITING_APPROVAL', 'INVALID'])).status).toBe('AWAITING_APPROVAL')
    expect((await driver.decide(batchId, 'APPROVE')).status).toBe(200)
    await driver.waitFor(batchId, ['APPLIED'])

    // 30 in Leuwiliang (the test above) and 3 in Ciampea, in pages of 7 across both partitions.
    const pages: number[] = []
    const seen: Record<string, unknown>[] = []
    let cursor: string | null = null
    do {
      const response = await driver.call(
        'auditor.bogor',
        `/api/kpm?area=32.01&program=BPNT&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      )
      expect(response.status).toBe(200)
      const page = (await response.json()) as { items: Record<string, unknown>[]; nextCursor: string | null }
      pages.push(page.items.length)
      seen.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    expect(pages.every((size) => size <= 7)).toBe(true)
    expect(seen).toHaveLength(33)
    expect(new Set(seen.map((kpm) => kpm.nama)).size).toBe(33)
    expect(
      seen
        .filter((kpm) => kpm.kecamatan === '32.01.15')
        .map((kpm) => kpm.nama)
        .sort(),
    ).toEqual(ciampea.map((row) => row.nama).sort())
    // Dinsos without an area reads its own kabupaten; the TKSK their own kecamatan.
    expect(await driver.registry('', 'BPNT', 'dinsos.bogor')).toHaveLength(33)
    expect(await driver.registry('', 'BPNT', 'tksk.ciampea')).toHaveLength(3)

    const status = async (username: string, query: string) =>
      (await driver.call(username, `/api/kpm?program=BPNT${query}`)).status
    expect(await status('tksk.leuwiliang', '&area=32.01')).toBe(403)
    expect(await status('tksk.leuwiliang', '&area=32.01.15')).toBe(403)
    expect(await status('dinsos.bogor', '&area=32.71')).toBe(403)
    expect(await status('dinsos.bogor', '&area=32')).toBe(400)
    expect(await status('auditor.pusat', '')).toBe(400)
    expect(await status('auditor.pusat', '&area=32.01')).toBe(200)
    expect(await status('dinsos.bogor', '&area=32.01&cursor=eyJrIjoiMzIuMDIuMDEifQ')).toBe(400)
  })
})

describe('a verval batch whose workflow could not be started', () => {
  it('still answers 202 at upload, and the next read of the batch starts its workflow, as for a case', async () => {
    const sfnMock = mockClient(SFNClient)
    sfnMock
      .on(StartExecutionCommand)
      .rejects(Object.assign(new Error('service unavailable'), { name: 'ServiceUnavailable' }))
    let batchId: string
    try {
      batchId = await driver.uploadOk(
        [family(70), family(71)],
        'tksk.leuwiliang',
        `program=PKH&period=${currentPeriod()}`,
      )
    } finally {
      sfnMock.restore()
    }
    // Stored, owed its workflow, and no execution of that name exists.
    const stored = await getBatch(batchId)
    expect(stored?.status).toBe('VALIDATING')
    expect(stored?.workflowStartedAt).toBeUndefined()
    const arn = `${process.env.VERVAL_STATE_MACHINE_ARN?.replace(':stateMachine:', ':execution:')}:${batchId}`
    const described = await platform.stepFunctions.handle('AWSStepFunctions.DescribeExecution', {
      executionArn: arn,
    })
    expect(described).toMatchObject({ status: 400, body: { __type: 'ExecutionDoesNotExist' } })

    // The read starts it: the batch is validated like any other.
    expect((await driver.waitFor(batchId, ['AWAITING_APPROVAL', 'INVALID'])).status).toBe('AWAITING_APPROVAL')
    expect((await getBatch(batchId))?.workflowStartedAt).toEqual(expect.any(String))
  })
})
