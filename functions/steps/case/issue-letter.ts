/**
 * The Surat Rekomendasi of an approval (DESIGN §3.6), built for the approving
 * transaction: a fresh random code each call is safe, because a replayed approval fails
 * the case's step condition and the whole transaction, this letter with it.
 */
import type { CaseRecord } from '../../core/case/case-record'
import { issueLetter, officeNameOf, type RecommendationLetter } from '../../core/case/recommendation-letter'
import type { TaskRecord } from '../../core/case/task-record'
import { loadAreaIndex } from '../../data/area-source'
import { now } from '../../shared/clock'
import { newLetterCode } from '../../shared/letter-code'

export const letterFor = (record: CaseRecord, task: TaskRecord): RecommendationLetter => {
  const kabupaten = loadAreaIndex().get(record.kabupaten)
  return issueLetter({
    record,
    code: newLetterCode(),
    issuedAt: now(),
    officeName: kabupaten ? officeNameOf(kabupaten.name) : 'Dinas Sosial',
    // The decider is a directory person (staff session or their mailed link); never blank on paper.
    approverName: task.decidedBy?.name || 'Dinas Sosial',
  })
}
