/**
 * The TKSK records pendampingan on a case after its referral's result (issue 15 item 3,
 * ADR 0032): appended to the case's list with its audit entry in one transaction,
 * conditioned on the case not being anonymised meanwhile (ADR 0037: the result may come
 * before the case closes, so the open statuses after a result are allowed too).
 */
import type { CaseRecord } from '../../core/case/case-record'
import type { User } from '../../core/identity/user'
import { maskPersonalText } from '../../core/identity/disclosure'
import {
  isFutureVisit,
  type PendampinganEntry,
  type PendampinganInput,
  PENDAMPINGAN_STATUSES,
  pendampinganRefusal,
} from '../../core/case/pendampingan'
import { changeCase } from '../../data/case-change'
import { nowIso } from '../../shared/clock'
import { ConflictError, ValidationError } from '../../shared/errors'
import { localToday } from '../admin/local-today'
import { staffDisplayName } from '../admin/staff-display-name'

export const recordPendampingan = async (
  record: CaseRecord,
  input: PendampinganInput,
  by: { user: User; id: string; correlationId: string },
): Promise<PendampinganEntry> => {
  const refusal = pendampinganRefusal(record)
  if (refusal) throw new ConflictError(refusal)
  if (isFutureVisit(input, localToday(record.kecamatan)))
    throw new ValidationError([{ path: 'date', message: 'Tanggal pendampingan tidak boleh di masa depan.' }])
  const at = nowIso()
  const entry: PendampinganEntry = {
    id: by.id,
    date: input.date,
    kind: input.kind,
    // Stored masked like every free text of a case (DESIGN §1): shown on staff pages.
    findings: maskPersonalText(input.findings, record.applicant),
    ...(input.nextVisit ? { nextVisit: input.nextVisit } : {}),
    by: { id: by.user.id, name: await staffDisplayName(by.user) },
    recordedAt: at,
  }
  const result = await changeCase(
    record,
    {
      from: PENDAMPINGAN_STATUSES,
      // An anonymisation between the read and this write leaves no person to accompany.
      absent: ['anonymisedAt'],
      stepKey: `pendampingan:${by.id}`,
      append: { pendampingan: [entry] },
      audit: {
        action: 'PENDAMPINGAN_RECORDED',
        actor: { id: by.user.id, role: by.user.role },
        before: { status: record.status },
        // No findings here: the audit table keeps them past the case's retention period.
        after: {
          pendampinganId: entry.id,
          date: entry.date,
          kind: entry.kind,
          nextVisit: entry.nextVisit ?? null,
        },
        correlationId: by.correlationId,
      },
    },
    at,
  )
  // Only an anonymisation can have moved it out of those statuses meanwhile.
  if (!result.applied) throw new ConflictError(pendampinganRefusal(result.record) ?? 'Kasus sudah berubah.')
  return entry
}
