/** The data-dependent choices of a task form (TKSK to reassign to, providers to re-refer to or choose). */
import type { CaseRecord } from '../../core/case/case-record'
import type { TaskRecord } from '../../core/case/task-record'
import { choiceOptions, rereferralOptions } from '../../flows/providers/case-routing'
import { staffInArea } from '../../data/user-repository'
import { loadAreaIndex } from '../../data/area-source'
import type { ErrorDetail } from '../../shared/errors'
import type { FormContext } from '../../web/task-form'

export const formContext = async (
  task: TaskRecord,
  record: CaseRecord,
  values: Record<string, string>,
  errors: readonly ErrorDetail[],
): Promise<Omit<FormContext, 'kind' | 'taskId'>> => {
  const tkskOptions =
    task.kind === 'ASSESSMENT_ESCALATION'
      ? (
          await Promise.all(
            loadAreaIndex()
              .children(record.kabupaten)
              .map((kecamatan) => staffInArea(kecamatan.code, 'tksk')),
          )
        )
          .flat()
          .map((m) => ({ id: m.id, name: `${m.displayName} (${m.area})` }))
      : []
  const offered =
    task.kind === 'REREFERRAL'
      ? await rereferralOptions(record)
      : task.kind === 'PROVIDER_CHOICE'
        ? await choiceOptions(record)
        : []
  const providerOptions = offered.map((p) => ({
    id: p.providerId,
    name: p.services.includes(record.service) ? p.name : `${p.name} (belum terdaftar untuk layanan ini)`,
  }))
  return { values, errors, tkskOptions, providerOptions }
}
