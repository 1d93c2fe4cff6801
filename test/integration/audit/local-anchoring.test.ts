import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DeleteCommand } from '@aws-sdk/lib-dynamodb'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FileAnchorStore } from '../../../functions/data/audit-anchor-file-store'
import { appendAudit } from '../../../functions/data/audit-repository'
import { verifyEntity } from '../../../functions/data/audit-verification'
import { advanceClock } from '../../../functions/shared/clock'
import { type LocalAnchoring, startLocalAnchoring } from '../../../infra/local/anchors/local-anchoring'
import { createAuditTables } from './audit-tables'

let tables: Awaited<ReturnType<typeof createAuditTables>>
let dataDir: string
let anchoring: LocalAnchoring

beforeAll(async () => {
  tables = await createAuditTables('audit-anchoring')
  dataDir = mkdtempSync(join(tmpdir(), 'tksk-anchoring-'))
  anchoring = startLocalAnchoring({ dataDir })
  await anchoring.idle()
})
afterAll(async () => {
  await anchoring?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('local anchoring on the project clock', () => {
  it('anchors at start, then seals a changed chain once the clock passes the hour', async () => {
    const store = new FileAnchorStore(join(dataDir, 'anchors'))
    expect((await store.all()).map((r) => r.anchorSeq)).toEqual(['0000000001'])

    const entityId = `case:LOCAL${Date.now().toString(36)}`
    for (const action of ['CASE_CREATED', 'TASK_CREATED', 'CASE_CLOSED'])
      await appendAudit({
        entityId,
        area: '32.01.14',
        actor: { id: 'system', role: 'system' },
        action,
        correlationId: 'corr-local-anchor',
      })
    await advanceClock(60 * 60)
    await anchoring.idle()

    const records = await store.all()
    expect(records.at(-1)?.heads).toContainEqual(expect.objectContaining({ entityId, seq: '0000000003' }))
    expect(readdirSync(join(dataDir, 'anchors'))).toEqual(records.map((r) => `${r.anchorSeq}.json`))

    await tables.raw.send(
      new DeleteCommand({ TableName: tables.auditTableName, Key: { entityId, seq: '0000000003' } }),
    )
    expect((await verifyEntity(entityId, store)).verdict).toMatchObject({
      valid: false,
      firstBrokenSeq: '0000000003',
      reason: 'BEHIND_ANCHOR',
    })
  })

  it('writes nothing more while the clock stays within the anchored hour', async () => {
    const store = new FileAnchorStore(join(dataDir, 'anchors'))
    const before = (await store.all()).length
    expect(await anchoring.anchorNow()).toBeUndefined()
    expect(await store.all()).toHaveLength(before)
  })
})
