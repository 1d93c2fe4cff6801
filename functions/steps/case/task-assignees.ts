/** Who each awaited task of a case is for. */
import type { CaseRecord, Person } from '../../core/case/case-record'
import type { TaskKind } from '../../core/case/task-kinds'
import { findProvider } from '../../flows/providers/find-provider'
import { approverFor, providerPerson, tkskFor } from '../../flows/case/routing'
import { admindukProviderFor } from '../../flows/providers/case-routing'

export const assigneesFor = async (kind: TaskKind, record: CaseRecord): Promise<Person[]> => {
  switch (kind) {
    case 'FOLLOW_UP':
      // The kecamatan's TKSK today (ADR 0037): the assessor may have left since the assessment.
      return [await tkskFor(record.kecamatan)]
    case 'ASSESSMENT':
    case 'BANSOS_VERIFICATION':
      return [record.assignee ?? (await tkskFor(record.kecamatan))]
    case 'APPROVAL':
    case 'PROVIDER_CHOICE':
    case 'REREFERRAL':
    case 'ASSESSMENT_ESCALATION':
      return [await approverFor(record.kecamatan)]
    case 'REFERRAL_RESPONSE':
    case 'REFERRAL_RESULT': {
      const providerId = record.referral?.providerId
      const provider = providerId && (await findProvider(providerId))
      if (!provider) throw new Error(`case ${record.caseId} has no referral provider`)
      return [providerPerson(provider)]
    }
    case 'ADMINDUK_REFERRAL': {
      // No desa or Disdukcapil in the directory: the Dinsos of the kabupaten coordinates it.
      const provider = await admindukProviderFor(record)
      return [provider ? providerPerson(provider) : await approverFor(record.kecamatan)]
    }
  }
}
