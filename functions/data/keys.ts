/**
 * Every DynamoDB key of the system is spelled here and nowhere else (DESIGN §2 data
 * model). Repositories build items with these helpers; nothing else concatenates `#`.
 */
import { kabupatenOf } from '../core/areas/area-code'

export interface Key {
  pk: string
  sk: string
}

/** Staff directory entry (a Cognito user's profile on AWS, a seeded user locally). */
export const userKey = (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'USER' })
/** IAM `dynamodb:LeadingKeys` pattern of every directory entry (the Cognito sync may write only these). */
export const userKeyPattern = `${userKey('').pk}*`
/** gsi1 entry: staff by the area they serve and their role, for routing tasks. */
export const staffByAreaEntry = (area: string, role: string, userId: string) => ({
  gsi1pk: `STAFF#${area}`,
  gsi1sk: `${role}#${userId}`,
})
export const staffByAreaQuery = (area: string, role: string) => ({
  gsi1pk: `STAFF#${area}`,
  gsi1skPrefix: `${role}#`,
})

/**
 * gsi2: every directory entry of a kabupaten/kota (its kecamatan's TKSK included) by
 * area and username, for the admin's list; national entries sit under `*`.
 */
export const staffDirectoryPartition = (scope: string): string => `STAFFDIR#${scope}`
export const staffDirectoryEntry = (area: string, username: string) => ({
  gsi2pk: staffDirectoryPartition(kabupatenOf(area) ?? area),
  gsi2sk: `${area}#${username}`,
})
/** Uniqueness markers of a directory entry's username and email (issue 13: taken → 409). */
export const staffUsernameKey = (username: string): Key => ({ pk: `STAFFNAME#${username}`, sk: 'UNIQUE' })
export const staffEmailKey = (email: string): Key => ({
  pk: `STAFFMAIL#${email.toLowerCase()}`,
  sk: 'UNIQUE',
})
/** A TKSK's term end, under its month, for the daily job that ends terms by date. */
export const staffTermEndPartition = (month: string): string => `STAFFTERM#${month}`
export const staffTermEndKey = (end: string, userId: string): Key => ({
  pk: staffTermEndPartition(end.slice(0, 7)),
  sk: `${end}#${userId}`,
})

/** The days off (cuti bersama, SKB corrections) of one year, as an admin keeps them. */
export const calendarYearKey = (year: number): Key => ({ pk: `CALENDAR#${year}`, sk: 'CALENDAR' })

/** The provider directory (DESIGN §4 `/api/admin/providers`), by kabupaten/kota in gsi1. */
export const providerKey = (providerId: string): Key => ({ pk: `PROVIDER#${providerId}`, sk: 'PROVIDER' })
export const providersByAreaEntry = (kabupaten: string, providerId: string) => ({
  gsi1pk: providersByAreaPartition(kabupaten),
  gsi1sk: providerId,
})
export const providersByAreaPartition = (kabupaten: string): string => `PROVIDERS#${kabupaten}`
/** One marker per provider email (lower case): what makes "email in use" a conditional write. */
export const providerEmailKey = (email: string): Key => ({
  pk: `PROVIDEREMAIL#${email.toLowerCase()}`,
  sk: 'PROVIDEREMAIL',
})

/** Rate-limit window (DESIGN §5): one counter per route class, client and minute, expiring by TTL. */
export const rateLimitKey = (bucket: string, client: string, minute: string): Key => ({
  pk: `RL#${bucket}#${client}#${minute}`,
  sk: 'RL',
})

/**
 * Missed status lookups of one reference (ADR 0011): 5 misses lock it for 24 h. Keyed by
 * the reference as typed, whether or not a case has it, so the lock says nothing of
 * which references exist.
 */
export const statusMissKey = (reference: string): Key => ({ pk: `STATUSMISS#${reference}`, sk: 'STATUSMISS' })

/**
 * Staff sessions (DESIGN v3 §5, ADR 0011): one item per session under the SHA-256 of its
 * opaque token (the token itself is never stored), indexed in gsi2 by user so that a
 * deactivation or a role change can revoke all of a person's sessions.
 */
export const sessionKey = (tokenHash: string): Key => ({ pk: `SESSION#${tokenHash}`, sk: 'SESSION' })
/** IAM `dynamodb:LeadingKeys` pattern of session items: read-only functions still touch and revoke sessions. */
export const sessionKeyPattern = `${sessionKey('').pk}*`
export const sessionsOfUserPartition = (userId: string): string => `SESSIONS#${userId}`
export const sessionsOfUserEntry = (userId: string, createdAt: string, tokenHash: string) => ({
  gsi2pk: sessionsOfUserPartition(userId),
  gsi2sk: `${createdAt}#${tokenHash}`,
})

/** Keys read (never written) by `GET /api/health` to prove each table answers. */
export const healthProbeKeys = {
  main: { pk: 'HEALTH', sk: 'HEALTH' },
  audit: { entityId: 'HEALTH', seq: '0000000000' },
} as const

// ---------------------------------------------------------------------------------------
// Local Step Functions service (infra/local/stepfunctions): execution records, their
// history events, and the index of executions by status that `resume()` queries after a
// restart. Local only; the deployed system uses the real Step Functions.
// ---------------------------------------------------------------------------------------
const sfnExecutionPartition = (executionArn: string): string => `SFNEXEC#${executionArn}`
export const sfnExecutionKey = (executionArn: string): Key => ({
  pk: sfnExecutionPartition(executionArn),
  sk: 'EXECUTION',
})
export const sfnHistoryEventPrefix = 'EVENT#'
export const sfnHistoryEventKey = (executionArn: string, eventId: number): Key => ({
  pk: sfnExecutionPartition(executionArn),
  sk: `${sfnHistoryEventPrefix}${String(eventId).padStart(8, '0')}`,
})
export const sfnHistoryPartition = sfnExecutionPartition
/** gsi1: every local execution under one partition, sorted by status then start. */
export const sfnExecutionsByStatusPartition = 'SFNEXECUTIONS'
export const sfnExecutionsByStatusPrefix = (status: string): string => `${status}#`
export const sfnExecutionByStatusEntry = (status: string, startDateIso: string, executionArn: string) => ({
  gsi1pk: sfnExecutionsByStatusPartition,
  gsi1sk: `${sfnExecutionsByStatusPrefix(status)}${startDateIso}#${executionArn}`,
})

// ---------------------------------------------------------------------------------------
// Audit (audit table, DESIGN §5): one chain per entity under `entityId`, sorted by the
// 10-digit `seq`; index attributes derived from the entry for review and anchoring.
// ---------------------------------------------------------------------------------------
/** The chains of the system, one per audited thing. */
export const auditEntityId = {
  case: (caseId: string): string => `case:${caseId}`,
  task: (taskId: string): string => `task:${taskId}`,
  batch: (batchId: string): string => `batch:${batchId}`,
  kpm: (program: string, nikRef: string): string => `kpm:${program}:${nikRef}`,
  user: (userId: string): string => `user:${userId}`,
  calendar: (year: number): string => `calendar:${year}`,
  provider: (providerId: string): string => `provider:${providerId}`,
}
export const auditEntryKey = (entityId: string, seq: string) => ({ entityId, seq })
/** byAreaDay buckets by kabupaten/kota; a province-level or national (`*`) area is its own bucket. */
const auditAreaBucket = (area: string): string => kabupatenOf(area) ?? area
export const auditAreaDayPartition = (area: string, utcDay: string): string =>
  `${auditAreaBucket(area)}#${utcDay}`
export const auditDayPartition = (utcDay: string): string => utcDay
/**
 * `atSeq` sorts entries by time, then entity and position. An ISO instant is a bound of
 * it: every entry at or after the instant sorts at or after it, every earlier one before.
 */
export const auditAtSeq = (at: string, entityId: string, seq: string): string => `${at}#${entityId}#${seq}`
export const auditAtSeqBound = (instantIso: string): string => instantIso
/** The attributes an audit item carries besides the entry itself (stripped on read, not hashed). */
export const auditIndexAttributes = (entry: {
  entityId: string
  seq: string
  at: string
  area: string
  actor: { id: string }
}) => {
  const utcDay = entry.at.slice(0, 10)
  return {
    actorId: entry.actor.id,
    atSeq: auditAtSeq(entry.at, entry.entityId, entry.seq),
    areaDay: auditAreaDayPartition(entry.area, utcDay),
    day: auditDayPartition(utcDay),
  }
}

// ---------------------------------------------------------------------------------------
// Cases, tasks and links (DESIGN §2 data model, §3 case workflow).
// ---------------------------------------------------------------------------------------
export const caseKey = (caseId: string): Key => ({ pk: `CASE#${caseId}`, sk: 'CASE' })
/** gsi1: cases of a kabupaten/kota, sorted by kecamatan, status and last change. */
export const casesByAreaEntry = (kecamatan: string, status: string, updatedAt: string, caseId: string) => ({
  gsi1pk: casesByAreaPartition(kabupatenOf(kecamatan) ?? kecamatan),
  gsi1sk: `${kecamatan}#${status}#${updatedAt}#${caseId}`,
})
export const casesByAreaPartition = (kabupaten: string): string => `AREA#${kabupaten}#CASE`
/** The begins_with prefix within a kabupaten's partition for a kecamatan (and status); undefined at kabupaten level. */
export const casesByKecamatanPrefix = (kecamatan: string, status?: string): string =>
  `${kecamatan}#${status ? `${status}#` : ''}`
/**
 * gsi2: cases of a kabupaten/kota by filing instant (ADR 0007). The month's cases of the
 * dashboard and the laporan are one range Query (`BETWEEN` two UTC instants that bound
 * the month in the area's zone). Written once at intake: `createdAt` never changes.
 */
export const casesByFilingEntry = (kecamatan: string, createdAt: string, caseId: string) => ({
  gsi2pk: casesByFilingPartition(kabupatenOf(kecamatan) ?? kecamatan),
  gsi2sk: `${createdAt}#${caseId}`,
})
export const casesByFilingPartition = (kabupaten: string): string => `AREA#${kabupaten}#FILED`
/** The gsi2 sort-key bound of an instant: every case filed at or after it sorts at or after it. */
export const casesByFilingBound = (instantIso: string): string => instantIso
export const caseReferenceKey = (reference: string): Key => ({ pk: `REF#${reference}`, sk: 'REF' })
/** The open case of a person for a service (dedup marker, written in the intake transaction). */
export const openCaseKey = (nikRef: string, service: string): Key => ({
  pk: `NIKREF#${nikRef}`,
  sk: `OPEN#${service}`,
})
export const referenceCounterKey = (kecamatan: string, year: number): Key => ({
  pk: `COUNTER#${kecamatan}#${year}`,
  sk: 'COUNTER',
})
export const idempotencyKey = (route: string, key: string): Key => ({
  pk: `IDEMP#${route}#${key}`,
  sk: 'IDEMP',
})

export const taskKey = (taskId: string): Key => ({ pk: `TASK#${taskId}`, sk: 'TASK' })
/** One item per assignee of a task, indexed in gsi2 for `GET /api/tasks`. */
export const taskAssignmentKey = (taskId: string, assigneeId: string): Key => ({
  pk: `TASK#${taskId}`,
  sk: `ASSIGNEE#${assigneeId}`,
})
export const taskAssignmentPrefix = 'ASSIGNEE#'
export const tasksByAssigneeEntry = (assigneeId: string, status: string, dueAt: string, taskId: string) => ({
  gsi2pk: tasksByAssigneePartition(assigneeId),
  gsi2sk: `${status}#${dueAt}#${taskId}`,
})
export const tasksByAssigneePartition = (assigneeId: string): string => `ASSIGNEE#${assigneeId}`
export const tasksByAssigneeStatusPrefix = (status: string): string => `${status}#`
/**
 * gsi1 on the task item, only while it is OPEN (a sparse index, ADR 0007): the open tasks
 * of a kabupaten/kota by due date, for the approval queue and the overdue count. Closing
 * a task removes the entry; rescheduling moves it.
 */
export const openTasksByAreaEntry = (area: string, dueAt: string, taskId: string) => ({
  gsi1pk: openTasksByAreaPartition(kabupatenOf(area) ?? area),
  gsi1sk: `${dueAt}#${taskId}`,
})
export const openTasksByAreaPartition = (kabupaten: string): string => `AREA#${kabupaten}#OPENTASK`
/** The gsi1 sort-key bound of an instant: tasks due before it sort before it. */
export const openTasksDueBound = (instantIso: string): string => instantIso
/** Which task a workflow step opened for a case (idempotency of the open-task step). */
export const caseStepMarkerKey = (caseId: string, stepKey: string): Key => ({
  pk: `CASE#${caseId}`,
  sk: `STEP#${stepKey}`,
})

export const linkKey = (linkId: string): Key => ({ pk: `LINK#${linkId}`, sk: 'LINK' })

// ---------------------------------------------------------------------------------------
// Verval batches and the KPM registry (DESIGN §2 data model, §3 verval workflow).
// ---------------------------------------------------------------------------------------
export const batchKey = (batchId: string): Key => ({ pk: `BATCH#${batchId}`, sk: 'BATCH' })
/** The rows as the upload packed them (ADR 0004): parts of each chunk range, by its first row. */
export const batchChunkPrefix = 'CHUNK#'
export const batchChunkRangePrefix = (from: number): string =>
  `${batchChunkPrefix}${String(from).padStart(5, '0')}#`
/** The first row of the chunk range a packed part belongs to, from its sort key. */
export const batchChunkFromOf = (sk: string): number =>
  Number(sk.slice(batchChunkPrefix.length, batchChunkPrefix.length + 5))
export const batchChunkKey = (batchId: string, from: number, part: number): Key => ({
  pk: `BATCH#${batchId}`,
  sk: `${batchChunkRangePrefix(from)}${String(part).padStart(3, '0')}`,
})
/** The error report of a batch: one item per (row, error), in row order. */
export const batchErrorPrefix = 'ERR#'
export const batchErrorKey = (batchId: string, line: number, position: number): Key => ({
  pk: `BATCH#${batchId}`,
  sk: `${batchErrorPrefix}${String(line).padStart(5, '0')}#${String(position).padStart(2, '0')}`,
})
/** gsi1: batches of a kabupaten/kota by kecamatan, program and period. */
export const batchesByAreaPartition = (area: string): string => `AREA#${kabupatenOf(area) ?? area}#BATCH`
export const batchesByAreaEntry = (kecamatan: string, program: string, period: string, batchId: string) => ({
  gsi1pk: batchesByAreaPartition(kecamatan),
  gsi1sk: `${kecamatan}#${program}#${period}#${batchId}`,
})
/** gsi1 sort-key prefix of the batches of a kecamatan, optionally of one program and period. */
export const batchesByAreaPrefix = (kecamatan: string, program?: string, period?: string): string =>
  [kecamatan, program, period].filter((part) => part !== undefined).join('#') + '#'
/** The one live batch of a kecamatan+program+period: what a new upload supersedes or is refused by. */
export const vervalSlotKey = (kecamatan: string, program: string, period: string): Key => ({
  pk: `VERVALSLOT#${kecamatan}#${program}#${period}`,
  sk: 'SLOT',
})
/** Which approval task a batch's workflow opened (idempotency of the open step). */
export const batchStepMarkerKey = (batchId: string, stepKey: string): Key => ({
  pk: `BATCH#${batchId}`,
  sk: `STEP#${stepKey}`,
})

export const kpmPartitionPrefix = 'KPM#'
export const kpmPartition = (program: string, kecamatan: string): string =>
  `${kpmPartitionPrefix}${program}#${kecamatan}`
export const kpmKey = (program: string, kecamatan: string, nikRef: string): Key => ({
  pk: kpmPartition(program, kecamatan),
  sk: nikRef,
})
/**
 * Lookup items of the registry (ADR 0019): where a NIK is an active KPM of a program,
 * and which active KPM holds a KK. Written in the same transactions as the records, so
 * validation reads them with BatchGetItem instead of one gsi Query per row.
 */
export const kpmNikLookupKey = (program: string, nikRef: string): Key => ({
  pk: `KPMNIKLOOKUP#${program}#${nikRef}`,
  sk: 'ACTIVE',
})
export const kpmKkLookupKey = (program: string, kkRef: string): Key => ({
  pk: `KPMKKLOOKUP#${program}#${kkRef}`,
  sk: 'ACTIVE',
})

// ---------------------------------------------------------------------------------------
// Letters (DESIGN §3.6, §4 `GET /v/{code}`): a recommendation letter under its
// verification code, so the public check is one GetItem and the code is the only key.
// ---------------------------------------------------------------------------------------
export const letterPartitionPrefix = 'LETTER#'
export const letterKey = (code: string): Key => ({ pk: `${letterPartitionPrefix}${code}`, sk: 'LETTER' })

// ---------------------------------------------------------------------------------------
// Retention (DESIGN §5, ADR 0006): one schedule item per closed case under the UTC month
// it closed in, sorted by the closing instant; the daily job queries the months that may
// be due instead of scanning cases.
// ---------------------------------------------------------------------------------------
const retentionPartitionPrefix = 'RETENTION#'
export const retentionSchedulePartition = (closingMonth: string): string =>
  `${retentionPartitionPrefix}${closingMonth}`
export const retentionScheduleKey = (closingMonth: string, closedAt: string, caseId: string): Key => ({
  pk: retentionSchedulePartition(closingMonth),
  sk: `${closedAt}#${caseId}`,
})
/** Upper sort bound of the entries closed at or before an instant (`$` sorts right after `#`). */
export const retentionScheduleSortBound = (instantIso: string): string => `${instantIso}$`
/** IAM `dynamodb:LeadingKeys` patterns of what the retention job touches: schedule items and cases. */
export const retentionJobKeyPatterns = [`${retentionPartitionPrefix}*`, `${caseKey('').pk}*`] as const

// ---------------------------------------------------------------------------------------
// Mail outbox (ADR 0018): one item per email, written with the state change that causes
// it; the mailer is fed by the table's stream, filtered on this prefix and PENDING.
// ---------------------------------------------------------------------------------------
export const mailKeyPrefix = 'MAIL#'
export const mailKey = (mailId: string): Key => ({ pk: `${mailKeyPrefix}${mailId}`, sk: 'MAIL' })
const failedMailsPartition = (kabupaten: string): string => `AREA#${kabupaten}#MAILFAILED`
/** gsi1 entry, only while a mail is FAILED (sparse): what a kabupaten's Dinsos must resend. */
export const failedMailEntry = (area: string, failedAt: string, mailId: string) => ({
  gsi1pk: failedMailsPartition(kabupatenOf(area) ?? area),
  gsi1sk: `${failedAt}#${mailId}`,
})
export const failedMailsQuery = (kabupaten: string) => ({ gsi1pk: failedMailsPartition(kabupaten) })
/** A staff or provider address that bounced or complained: one item per address. */
export const bouncingAddressKey = (email: string): Key => ({
  pk: `BOUNCING#${email.toLowerCase()}`,
  sk: 'BOUNCING',
})
const bouncingPartition = (kabupaten: string): string => `AREA#${kabupaten}#BOUNCING`
export const bouncingAddressEntry = (area: string, email: string) => ({
  gsi1pk: bouncingPartition(kabupatenOf(area) ?? area),
  gsi1sk: email.toLowerCase(),
})
export const bouncingAddressesQuery = (kabupaten: string) => ({ gsi1pk: bouncingPartition(kabupaten) })

// ---------------------------------------------------------------------------------------
// NEEDS_ATTENTION (issue 17, ADR 0025): one list item per case or batch whose workflow
// halted on a failed step, written and deleted with the marker on the item itself; what
// a kabupaten's Dinsos lists and retries, a kecamatan's by prefix.
// ---------------------------------------------------------------------------------------
const attentionPartition = (kabupaten: string): string => `AREA#${kabupaten}#ATTENTION`
export const attentionKey = (area: string, at: string, kind: string, id: string): Key => ({
  pk: attentionPartition(kabupatenOf(area) ?? area),
  sk: `${area}#${at}#${kind}#${id}`,
})
export const attentionQuery = (kabupaten: string, kecamatan?: string) => ({
  pk: attentionPartition(kabupaten),
  skPrefix: kecamatan ? `${kecamatan}#` : '',
})

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
