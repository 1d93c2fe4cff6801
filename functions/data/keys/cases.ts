/**
 * Keys of cases (DESIGN §2 data model, §3 case workflow): the case item and its index
 * entries, the reference lookup, the open-case marker, the reference counter, request
 * idempotency, the workflow's step markers, letters and the possible-duplicate lookup.
 */
import type { TaskKind } from '../../core/case/task-kinds'
import { kabupatenBucket, type Key } from './key'
import { keyShapes } from './shapes'

const { case: caseShape, idempotency, letter } = keyShapes

export const caseKey = (caseId: string): Key => caseShape.items.case.key({ caseId })
/**
 * The case item's partition prefix and sort key: the case starter's stream filter takes a
 * new case's item by them (ADR 0050), as the mailer's takes an outbox item by its prefix.
 */
export const caseKeyPrefix = caseShape.items.case.pk.prefix()
export const caseSortKey = caseShape.items.case.sk.format({})
/** gsi1: cases of a kabupaten/kota, sorted by kecamatan, status and last change. */
export const casesByAreaEntry = (kecamatan: string, status: string, updatedAt: string, caseId: string) =>
  caseShape.indexes.byArea.entry({
    kabupaten: kabupatenBucket(kecamatan),
    kecamatan,
    status,
    updatedAt,
    caseId,
  })
export const casesByAreaPartition = (kabupaten: string): string =>
  caseShape.indexes.byArea.pk.format({ kabupaten })
/** The begins_with prefix within a kabupaten's partition for a kecamatan (and status); undefined at kabupaten level. */
export const casesByKecamatanPrefix = (kecamatan: string, status?: string): string =>
  caseShape.indexes.byArea.sk.prefix(status ? { kecamatan, status } : { kecamatan })
/**
 * gsi2: cases of a kabupaten/kota by filing instant (ADR 0007). The month's cases of the
 * dashboard and the laporan are one range Query (`BETWEEN` two UTC instants that bound
 * the month in the area's zone). Written once at intake: `createdAt` never changes.
 */
export const casesByFilingEntry = (kecamatan: string, createdAt: string, caseId: string) =>
  caseShape.indexes.byFiling.entry({ kabupaten: kabupatenBucket(kecamatan), createdAt, caseId })
export const casesByFilingPartition = (kabupaten: string): string =>
  caseShape.indexes.byFiling.pk.format({ kabupaten })
/** The gsi2 sort-key bound of an instant: every case filed at or after it sorts at or after it. */
export const casesByFilingBound = (instantIso: string): string => instantIso
export const caseReferenceKey = (reference: string): Key => caseShape.items.reference.key({ reference })
/** The open case of a person for a service (dedup marker, written in the intake transaction). */
export const openCaseKey = (nikRef: string, service: string): Key =>
  caseShape.items.openCase.key({ nikRef, service })
export const referenceCounterKey = (kecamatan: string, year: number): Key =>
  caseShape.items.referenceCounter.key({ kecamatan, year })
export const idempotencyKey = (route: string, key: string): Key =>
  idempotency.items.record.key({ route, key })
/** Which task a workflow step opened for a case (idempotency of the open-task step). */
export const caseStepMarkerKey = (caseId: string, stepKey: string): Key =>
  caseShape.items.stepMarker.key({ caseId, stepKey })
/** The `begins_with` prefix of a case's step markers within its partition (the tasks it opened). */
export const caseStepMarkerPrefix = caseShape.items.stepMarker.sk.prefix()
/**
 * The step keys of the steps that open tasks (the tail of their step markers): a task of
 * a kind and round, and the escalation of an assessment. Spelled once, so that a flow
 * looking up the task a step opened (the adminduk referral, on closing) finds its marker.
 */
export const openTaskStepKey = (kind: TaskKind, round: number): string => `${kind}#${round}`
export const escalationStepKey = (assessmentTaskId: string): string => `ESCALATION#${assessmentTaskId}`

// ---------------------------------------------------------------------------------------
// Letters (DESIGN §3.6, §4 `GET /v/{code}`): a recommendation letter under its
// verification code, so the public check is one GetItem and the code is the only key.
// ---------------------------------------------------------------------------------------
export const letterPartitionPrefix = letter.items.letter.pk.prefix()
export const letterKey = (code: string): Key => letter.items.letter.key({ code })

// ---------------------------------------------------------------------------------------
// Possible duplicates of a person (issue 15, ADR 0027): one item per case under the HMAC
// of (desa, birth year, normalised name), so the TKSK's warning is one Query, not a scan,
// and no name appears in a key.
// ---------------------------------------------------------------------------------------
export const personLookupPartition = (personRef: string): string => `PERSON#${personRef}`
export const personLookupKey = (personRef: string, caseId: string): Key => ({
  pk: personLookupPartition(personRef),
  sk: `CASE#${caseId}`,
})
/** IAM `dynamodb:LeadingKeys` pattern of the person lookup items: the retention job deletes an anonymised case's (ADR 0027). */
export const personLookupKeyPattern = `${personLookupPartition('')}*`
