/** The data-dependent choices of a task form (TKSK to reassign to, providers to re-refer to). */
import type { CaseRecord } from '../../core/case/case-record'
import type { TaskRecord } from '../../core/case/task-record'
import { providersFor } from '../../data/provider-repository'
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
  const providerOptions =
    task.kind === 'REREFERRAL'
      ? (await providersFor(record.service, record.applicant.villageCode))
          .filter((p) => !record.declinedProviders?.includes(p.providerId))
          .map((p) => ({ id: p.providerId, name: p.name }))
      : []
  return { values, errors, tkskOptions, providerOptions }
}
