/**
 * Every email is written in the transaction of the state change that causes it (issue 12
 * point 4, ADR 0020), shown on verval batches in DynamoDB Local with the steps called
 * directly: a change that fails its condition writes no mail, and a step run twice (a
 * Step Functions retry, here both at once) writes each mail once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BatchRecord } from '../../../functions/core/verval/batch-record'
import type { BatchStatus } from '../../../functions/core/verval/batch-status'
import { mailIdOf } from '../../../functions/core/outbox/outbox-mail'
import { createBatch, getBatch } from '../../../functions/data/batch-repository'
import { getMail } from '../../../functions/data/outbox-repository'
import { decideBatch } from '../../../functions/flows/verval/decide-batch'
import { approvalTimer } from '../../../functions/steps/verval/approval-timer'
import { finishApply } from '../../../functions/steps/verval/finish-apply'
import { markFailed } from '../../../functions/steps/verval/mark-failed'
import { openApproval } from '../../../functions/steps/verval/open-approval'
import { advanceClock, nowIso } from '../../../functions/shared/clock'
import { startTestPlatform, type TestPlatform } from '../../support/platform'

let platform: TestPlatform

beforeAll(async () => {
  platform = await startTestPlatform()
})
afterAll(async () => {
  await platform?.dispose()
})

const KECAMATAN = '32.01.14'
let serial = 0
/** A batch in `status`, registered as the live one of a period of its own. */
const batchIn = async (status: BatchStatus, extra: Partial<BatchRecord> = {}): Promise<BatchRecord> => {
  serial += 1
  const at = nowIso()
  const batch: BatchRecord = {
    batchId: `01MAILCHANGE${String(serial).padStart(14, '0')}`,
    kecamatan: KECAMATAN,
    program: 'PKH',
    period: `2031-${String(serial).padStart(2, '0')}`,
    status,
    rows: 3,
    errorCount: 0,
    uploadedBy: { id: 'tksk.leuwiliang', email: 'tksk.leuwiliang@dinsos.bogorkab.local' },
    createdAt: at,
    updatedAt: at,
    ...extra,
  }
  await createBatch(batch, undefined, {
    action: 'TEST_BATCH',
    actor: { id: 'system', role: 'system' },
    correlationId: 'test',
  })
  return batch
}

const mailOf = (batchId: string, purpose: string) => getMail(mailIdOf(`batch:${batchId}`, purpose))

describe('a verval email and the change that causes it', () => {
  it('a rejection that loses to an earlier decision writes no notice to the TKSK', async () => {
    const batch = await batchIn('APPLYING')
    await expect(
      decideBatch(
        batch,
        { decision: 'REJECT', reason: 'Data salah' },
        { id: 'dinsos.bogor', role: 'dinsos' },
        't',
      ),
    ).rejects.toThrow(/tidak menunggu persetujuan|sudah/)
    expect(await mailOf(batch.batchId, 'rejected')).toBeUndefined()
  })

  it('a failed step caught twice at once marks the batch FAILED and tells the uploader once', async () => {
    const batch = await batchIn('VALIDATING')
    const state = { batchId: batch.batchId, error: { Error: 'States.Timeout' } }
    await Promise.all([markFailed(state), markFailed(state)])
    expect((await getBatch(batch.batchId))?.status).toBe('FAILED')
    const mail = await mailOf(batch.batchId, 'failed')
    expect(mail?.to).toBe('tksk.leuwiliang@dinsos.bogorkab.local')
    // Run again after the fact: the change is made, so neither it nor its mail is written again.
    await markFailed(state)
    expect((await mailOf(batch.batchId, 'failed'))?.createdAt).toBe(mail?.createdAt)
  })

  it('an apply finished twice at once tells each TKSK of the moves once, with the APPLIED status', async () => {
    const batch = await batchIn('APPLYING', { moves: [{ line: 2, from: '32.01.01' }] })
    await Promise.all([finishApply({ batchId: batch.batchId }), finishApply({ batchId: batch.batchId })])
    expect((await getBatch(batch.batchId))?.status).toBe('APPLIED')
    const incoming = await mailOf(batch.batchId, `moves:${KECAMATAN}`)
    const outgoing = await mailOf(batch.batchId, 'moves:32.01.01')
    expect(incoming?.subject).toContain('KPM pindah masuk')
    expect(outgoing?.subject).toContain('KPM pindah keluar')
  })

  it('the move notices name the kecamatan the families left and joined, never by code', async () => {
    const batch = await batchIn('APPLYING', { moves: [{ line: 2, from: '32.01.01' }] })
    await finishApply({ batchId: batch.batchId })
    const incoming = await mailOf(batch.batchId, `moves:${KECAMATAN}`)
    const outgoing = await mailOf(batch.batchId, 'moves:32.01.01')
    expect(incoming?.text).toContain('Kec. Leuwiliang')
    expect(incoming?.text).toContain('1 KPM pindah dari Kec. Cibinong')
    expect(outgoing?.text).toContain('dari Kec. Cibinong kini terdaftar di Kec. Leuwiliang')
    for (const mail of [incoming, outgoing]) expect(mail?.text).not.toMatch(/kecamatan \S*\d/)
  })

  it('an approval opened twice at once asks its approver once, and a reminder settled twice reminds once', async () => {
    const batch = await batchIn('AWAITING_APPROVAL')
    await Promise.all([openApproval({ batchId: batch.batchId }), openApproval({ batchId: batch.batchId })])
    const opened = await getBatch(batch.batchId)
    const [approver] = opened?.approval?.approvers ?? []
    expect(approver).toBeDefined()
    const ask = await mailOf(batch.batchId, `ask:${approver?.id}`)
    expect(ask?.status).toBe('PENDING')
    // The reminder is due the day before the due date: move the clock there and fire the timer twice.
    const reminder = opened?.approval?.milestones.find((milestone) => milestone.type === 'REMINDER')
    expect(reminder).toBeDefined()
    await advanceClock(Math.max(0, (Date.parse(reminder?.at ?? '') - Date.now()) / 1000) + 1)
    await Promise.all([approvalTimer({ batchId: batch.batchId }), approvalTimer({ batchId: batch.batchId })])
    expect((await getBatch(batch.batchId))?.approval?.done).toEqual([reminder?.id])
    expect((await mailOf(batch.batchId, `${reminder?.id}:${approver?.id}`))?.subject).toContain('Pengingat')
  })
})
