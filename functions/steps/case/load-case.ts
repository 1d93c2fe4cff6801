import type { CaseRecord } from '../../core/case/case-record'
import { getCase } from '../../data/case-repository'

export const loadCase = async (caseId: string): Promise<CaseRecord> => {
  const record = await getCase(caseId)
  if (!record) throw new Error(`case ${caseId} not found`)
  return record
}
