/**
 * The cases of a kecamatan or kabupaten/kota as the PPKS register and the social map
 * read them (issue 16, ADR 0038): where and in which category, nothing about the person.
 * One Query of the kabupaten's gsi1 partition (a kecamatan by prefix), projected to the
 * few attributes a count needs, so no NIK, name or free text is read at all. A bansos
 * complaint, proposal or objection (ADR 0036) is a case but nobody's PPKS: left out here.
 */
import { kabupatenOf, kecamatanOf } from '../core/areas/area-code'
import type { CaseOutcome, CaseStatus } from '../core/catalog/case-statuses'
import type { CategoryCode } from '../core/catalog/categories'
import { type CaseKind, caseKindOf, isBansosKind } from '../core/case/case-kind'
import { env } from '../shared/env'
import { casesByAreaPartition, casesByKecamatanPrefix } from './keys'
import { queryAll } from './paginate'

export interface AreaCase {
  caseId: string
  reference: string
  kecamatan: string
  desa: string
  category: CategoryCode
  status: CaseStatus
  outcome?: CaseOutcome
}

/** Every case of a kabupaten/kota, or of one kecamatan (a desa's: its kecamatan's, filtered). */
export const casesOfArea = async (area: string): Promise<AreaCase[]> => {
  const kabupaten = kabupatenOf(area) ?? area
  const kecamatan = kecamatanOf(area)
  const items = await queryAll({
    TableName: env.mainTableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: kecamatan ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)' : 'gsi1pk = :pk',
    ProjectionExpression:
      'caseId, #reference, kecamatan, #applicant.villageCode, category, #status, outcome, #kind',
    ExpressionAttributeNames: {
      '#reference': 'reference',
      '#applicant': 'applicant',
      '#status': 'status',
      '#kind': 'kind',
    },
    ExpressionAttributeValues: {
      ':pk': casesByAreaPartition(kabupaten),
      ...(kecamatan ? { ':prefix': casesByKecamatanPrefix(kecamatan) } : {}),
    },
  })
  return items
    .map((item) => item as Omit<AreaCase, 'desa'> & { applicant?: { villageCode?: string }; kind?: CaseKind })
    .filter((item) => !isBansosKind(caseKindOf(item)))
    .map(({ applicant, kind: _kind, ...rest }) => ({ ...rest, desa: applicant?.villageCode ?? '' }))
    .filter((c) => c.desa === area || c.desa.startsWith(`${area}.`))
}
