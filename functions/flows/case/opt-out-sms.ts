/**
 * SMS opt-out at the resident's request, through the TKSK or Dinsos (issue 19 item 3,
 * ADR 0028): recorded on the case with who recorded it, audited `SMS_OPTED_OUT`; every
 * later change of the case then writes no SMS (core/outbox/case-sms.ts). Once per case:
 * a second request finds it recorded and changes nothing.
 */
import { CASE_STATUSES } from '../../core/catalog/case-statuses'
import type { CaseRecord } from '../../core/case/case-record'
import type { User } from '../../core/identity/user'
import { changeCase } from '../../data/case-change'
import { nowIso } from '../../shared/clock'

export const optOutSms = async (
  record: CaseRecord,
  user: User,
  correlationId: string,
): Promise<CaseRecord> => {
  if (record.smsOptOut) return record
  const at = nowIso()
  const smsOptOut = { at, via: 'staff' as const, by: user.id }
  const result = await changeCase(
    record,
    {
      from: CASE_STATUSES,
      stepKey: 'sms-opt-out',
      set: { smsOptOut },
      audit: {
        action: 'SMS_OPTED_OUT',
        actor: { id: user.id, role: user.role },
        before: { smsOptOut: null },
        after: { smsOptOut: { at, via: 'staff' } },
        correlationId,
      },
    },
    at,
  )
  return result.record
}
