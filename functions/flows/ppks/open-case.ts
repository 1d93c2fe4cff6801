/**
 * "Jadikan kasus" (issue 16 item 1, ADR 0038): a PPKS entry becomes a case filed by the
 * TKSK from the field, through the intake itself (same schema, same checks, same
 * workflow), and the entry records the case. The intake's Idempotency-Key is the
 * entry's id: if the link write after it is lost, sending again finds the same case and
 * links it, never a second case. The case is then what the register and map count.
 */
import { intakeCandidate, ppksCaseBodySchema } from '../../core/ppks/ppks-case'
import type { PpksRecord } from '../../core/ppks/ppks-record'
import { createIntakeSchema } from '../../core/case/intake-schema'
import { loadAreaIndex } from '../../data/area-source'
import { linkPpksCase } from '../../data/ppks-repository'
import { ConflictError, ForbiddenError } from '../../shared/errors'
import { parseWith } from '../../shared/validation'
import { intakeBodyHash, type IntakeReceipt, submitIntake } from '../case/submit-intake'
import type { RegisterActor } from '../psks/psks-actor'
import { conflictsAsErrors, visiblePpks } from './save-ppks'

export interface CaseOpener extends RegisterActor {
  /** Whether the actor may file a case for this desa (`case:create`: the TKSK of its kecamatan). */
  mayFileCase: (desa: string) => boolean
  /** The TKSK as the case's filer. */
  staff: { staffId: string; name: string }
}

export const openCaseFromPpks = async (
  ppksId: string,
  body: unknown,
  by: CaseOpener,
): Promise<{ entry: PpksRecord; receipt: IntakeReceipt }> => {
  const entry = await visiblePpks(ppksId, by.may)
  if (!by.mayFileCase(entry.desa))
    throw new ForbiddenError('Hanya TKSK kecamatan ini yang dapat menjadikan data PPKS sebagai kasus.')
  if (entry.case)
    throw new ConflictError(`Data PPKS ini sudah menjadi kasus ${entry.case.reference}.`, [
      { path: 'ppksId', message: `Sudah menjadi kasus ${entry.case.reference}.` },
    ])
  if (!entry.active)
    throw new ConflictError('Data PPKS ini tidak aktif.', [{ path: 'ppksId', message: 'Data tidak aktif.' }])
  const candidate = intakeCandidate(entry, parseWith(ppksCaseBodySchema, body))
  const request = parseWith(createIntakeSchema(loadAreaIndex(), by.now), candidate)
  const receipt = await submitIntake(request, {
    idempotencyKey: `ppks:${entry.ppksId}`,
    bodyHash: intakeBodyHash(candidate),
    actor: by.actor,
    correlationId: by.correlationId,
    staff: by.staff,
  })
  const linked: PpksRecord = {
    ...entry,
    case: { caseId: receipt.caseId, reference: receipt.reference },
    updatedAt: by.now.toISOString(),
    version: entry.version + 1,
  }
  await conflictsAsErrors(() =>
    linkPpksCase(entry, linked, { actor: by.actor, correlationId: by.correlationId, at: by.now }),
  )
  return { entry: linked, receipt }
}
