/**
 * Every DynamoDB key of the system is spelled here and nowhere else (DESIGN §2 data
 * model). Each aggregate declares its shape once in `keyShapes` (ADR 0021): the table
 * key of each kind of item, the index entries it carries and its audit chain, as
 * templates (`key-shape.ts`). The named helpers below build keys, index entries and
 * `begins_with` prefixes from those templates; repositories use the helpers, and
 * nothing else concatenates `#`.
 */
import { areaLevel, kabupatenOf, kecamatanOf } from '../core/areas/area-code'
import { type AggregateShape, indexShape, itemShape, keyTemplate } from './key-shape'

export interface Key {
  pk: string
  sk: string
}

/** The index partitions of an area sit under its kabupaten/kota; a province or `*` is its own. */
const kabupatenBucket = (area: string): string => kabupatenOf(area) ?? area

/** Audit chains (the audit table's `entityId`) are spelled `kind:id`. */
const chain = <const S extends string>(spec: S) => keyTemplate(spec, ':')

export const keyShapes = {
  /** Staff directory entries (a Cognito user's profile on AWS, a seeded user locally). */
  user: {
    items: {
      user: itemShape('USER#{userId}', 'USER'),
      usernameMarker: itemShape('STAFFNAME#{username}', 'UNIQUE'),
      emailMarker: itemShape('STAFFMAIL#{email}', 'UNIQUE'),
      termEnd: itemShape('STAFFTERM#{month}', '{end}#{userId}'),
    },
    indexes: {
      byArea: indexShape('gsi1', 'STAFF#{area}', '{role}#{userId}'),
      directory: indexShape('gsi2', 'STAFFDIR#{scope}', '{area}#{username}'),
    },
    chain: chain('user:{userId}'),
  },
  calendar: {
    items: { year: itemShape('CALENDAR#{year}', 'CALENDAR') },
    chain: chain('calendar:{year}'),
  },
  provider: {
    items: {
      provider: itemShape('PROVIDER#{providerId}', 'PROVIDER'),
      emailMarker: itemShape('PROVIDEREMAIL#{email}', 'PROVIDEREMAIL'),
    },
    indexes: { byArea: indexShape('gsi1', 'PROVIDERS#{kabupaten}', '{providerId}') },
    chain: chain('provider:{providerId}'),
  },
  rateLimit: { items: { window: itemShape('RL#{bucket}#{client}#{minute}', 'RL') } },
  statusMiss: { items: { misses: itemShape('STATUSMISS#{reference}', 'STATUSMISS') } },
  session: {
    items: { session: itemShape('SESSION#{tokenHash}', 'SESSION') },
    indexes: { ofUser: indexShape('gsi2', 'SESSIONS#{userId}', '{createdAt}#{tokenHash}') },
  },
  health: { items: { probe: itemShape('HEALTH', 'HEALTH') } },
  /** The local Step Functions service's executions and history (local only). */
  sfnExecution: {
    items: {
      execution: itemShape('SFNEXEC#{executionArn}', 'EXECUTION'),
      event: itemShape('SFNEXEC#{executionArn}', 'EVENT#{eventId:8}'),
      checkpoint: itemShape('SFNEXEC#{executionArn}', 'CHECKPOINT'),
    },
    indexes: { byStatus: indexShape('gsi1', 'SFNEXECUTIONS', '{status}#{startDate}#{executionArn}') },
  },
  case: {
    items: {
      case: itemShape('CASE#{caseId}', 'CASE'),
      stepMarker: itemShape('CASE#{caseId}', 'STEP#{stepKey}'),
      reference: itemShape('REF#{reference}', 'REF'),
      openCase: itemShape('NIKREF#{nikRef}', 'OPEN#{service}'),
      referenceCounter: itemShape('COUNTER#{kecamatan}#{year}', 'COUNTER'),
    },
    indexes: {
      byArea: indexShape('gsi1', 'AREA#{kabupaten}#CASE', '{kecamatan}#{status}#{updatedAt}#{caseId}'),
      byFiling: indexShape('gsi2', 'AREA#{kabupaten}#FILED', '{createdAt}#{caseId}'),
    },
    chain: chain('case:{caseId}'),
  },
  idempotency: { items: { record: itemShape('IDEMP#{route}#{key}', 'IDEMP') } },
  task: {
    items: {
      task: itemShape('TASK#{taskId}', 'TASK'),
      assignment: itemShape('TASK#{taskId}', 'ASSIGNEE#{assigneeId}'),
    },
    indexes: {
      byAssignee: indexShape('gsi2', 'ASSIGNEE#{assigneeId}', '{status}#{dueAt}#{taskId}'),
      openByArea: indexShape('gsi1', 'AREA#{kabupaten}#OPENTASK', '{dueAt}#{taskId}'),
    },
    chain: chain('task:{taskId}'),
  },
  link: { items: { link: itemShape('LINK#{linkId}', 'LINK') } },
  batch: {
    items: {
      batch: itemShape('BATCH#{batchId}', 'BATCH'),
      chunk: itemShape('BATCH#{batchId}', 'CHUNK#{from:5}#{part:3}'),
      error: itemShape('BATCH#{batchId}', 'ERR#{line:5}#{position:2}'),
      stepMarker: itemShape('BATCH#{batchId}', 'STEP#{stepKey}'),
      slot: itemShape('VERVALSLOT#{kecamatan}#{program}#{period}', 'SLOT'),
    },
    indexes: {
      byArea: indexShape('gsi1', 'AREA#{kabupaten}#BATCH', '{kecamatan}#{program}#{period}#{batchId}'),
    },
    chain: chain('batch:{batchId}'),
  },
  kpm: {
    items: {
      record: itemShape('KPM#{program}#{kecamatan}', '{nikRef}'),
      nikLookup: itemShape('KPMNIKLOOKUP#{program}#{nikRef}', 'ACTIVE'),
      kkLookup: itemShape('KPMKKLOOKUP#{program}#{kkRef}', 'ACTIVE'),
    },
    chain: chain('kpm:{program}:{nikRef}'),
  },
  letter: { items: { letter: itemShape('LETTER#{code}', 'LETTER') } },
  retention: { items: { schedule: itemShape('RETENTION#{closingMonth}', '{closedAt}#{caseId}') } },
  mail: {
    items: {
      mail: itemShape('MAIL#{mailId}', 'MAIL'),
      bouncing: itemShape('BOUNCING#{email}', 'BOUNCING'),
    },
    indexes: {
      failed: indexShape('gsi1', 'AREA#{kabupaten}#MAILFAILED', '{failedAt}#{mailId}'),
      bouncing: indexShape('gsi1', 'AREA#{kabupaten}#BOUNCING', '{email}'),
    },
  },
  /** Cases and batches whose workflow halted on a failed step (issue 17, ADR 0025). */
  attention: { items: { entry: itemShape('AREA#{kabupaten}#ATTENTION', '{area}#{at}#{kind}#{id}') } },
  /** The PSKS register (issue 16, ADR 0031): by kabupaten/kota and kecamatan in gsi1. */
  psks: {
    items: { psks: itemShape('PSKS#{psksId}', 'PSKS') },
    indexes: { byArea: indexShape('gsi1', 'PSKSAREA#{kabupaten}', '{kecamatan}#{psksId}') },
    chain: chain('psks:{psksId}'),
  },
  /** The TKSK's activity log (issue 16, ADR 0031): by kabupaten/kota and month in gsi1. */
  activity: {
    items: { activity: itemShape('ACTIVITY#{activityId}', 'ACTIVITY') },
    indexes: {
      byMonth: indexShape('gsi1', 'ACTIVITIES#{kabupaten}#{month}', '{kecamatan}#{date}#{activityId}'),
    },
    chain: chain('activity:{activityId}'),
  },
  /** The PPKS register (issue 16 item 1, ADR 0038): by kabupaten/kota, kecamatan and desa in gsi1. */
  ppks: {
    items: { ppks: itemShape('PPKS#{ppksId}', 'PPKS') },
    indexes: { byArea: indexShape('gsi1', 'PPKSAREA#{kabupaten}', '{kecamatan}#{desa}#{ppksId}') },
    chain: chain('ppks:{ppksId}'),
  },
  /** The laporan bulanan (issue 16 item 5, ADR 0039): one per kecamatan and month; a kabupaten's month in gsi1. */
  laporan: {
    items: { laporan: itemShape('LAPORAN#{kecamatan}#{month}', 'LAPORAN') },
    indexes: { byMonth: indexShape('gsi1', 'LAPORANS#{kabupaten}#{month}', '{kecamatan}') },
    chain: chain('laporan:{laporanId}'),
  },
  /**
   * Draft verval rows from bansos cases (issue 15 item 4, ADR 0036): one partition per
   * kecamatan and period, one row per program and case, read whole by the TKSK's list.
   */
  vervalDraft: {
    items: { draft: itemShape('VERVALDRAFT#{kecamatan}#{period}', '{program}#{caseId}') },
  },
  /** The desa's parts of a kecamatan's verval (issue 21 item 1, ADR 0033), one chain per period. */
  desaPart: {
    items: { part: itemShape('DESAPART#{kecamatan}#{program}#{period}', 'DESA#{desaCode}') },
    chain: chain('verval-desa:{kecamatan}:{program}:{period}'),
  },
  /** The Berita Acara Daftar KPM Perubahan (issue 21.3, ADR 0035): revisions per scope, a lookup per code. */
  beritaAcara: {
    items: {
      revision: itemShape('BERITA#{area}#{program}#{period}', 'REV#{revision:4}'),
      code: itemShape('BERITACODE#{code}', 'BERITACODE'),
    },
    chain: chain('berita-acara:{area}:{program}:{period}'),
  },
  /** The pengesahan deadline (issue 21.5, ADR 0035): the day per kabupaten, each reminder sent once. */
  pengesahan: {
    items: {
      day: itemShape('PENGESAHAN#{kabupaten}', 'DAY'),
      reminder: itemShape('PENGESAHANREMINDER#{kabupaten}#{period}', '{subject}#{kind}#{milestone}'),
    },
    /** Every kabupaten/kota whose deadline is watched (its admin set the day), for the daily job. */
    indexes: { watched: indexShape('gsi1', 'PENGESAHANDAYS', '{kabupaten}') },
    chain: chain('pengesahan:{kabupaten}'),
  },
} as const satisfies Record<string, AggregateShape>

/**
 * The audit table's index attributes (DESIGN §5): byAreaDay buckets entries by
 * kabupaten/kota and UTC day; byDay and byActor sort them by `atSeq` (time, then entity
 * and position).
 */
export const auditIndexShapes = {
  areaDay: keyTemplate('{bucket}#{day}'),
  atSeq: keyTemplate('{at}#{entityId}#{seq}'),
} as const

const { user, calendar, provider, rateLimit, statusMiss, session, sfnExecution } = keyShapes
const { case: caseShape, idempotency, task, link, batch, kpm, letter, retention, mail } = keyShapes

/** IAM `dynamodb:LeadingKeys` pattern of every item whose partition starts with this template's head. */
const leadingKeyPattern = (template: { prefix(): string }): string => `${template.prefix()}*`

// ---------------------------------------------------------------------------------------
// Staff directory, calendar, providers.
// ---------------------------------------------------------------------------------------
/** Staff directory entry (a Cognito user's profile on AWS, a seeded user locally). */
export const userKey = (userId: string): Key => user.items.user.key({ userId })
/** IAM `dynamodb:LeadingKeys` pattern of every directory entry (the Cognito sync may write only these). */
export const userKeyPattern = leadingKeyPattern(user.items.user.pk)
/** gsi1 entry: staff by the area they serve and their role, for routing tasks. */
export const staffByAreaEntry = (area: string, role: string, userId: string) =>
  user.indexes.byArea.entry({ area, role, userId })
export const staffByAreaQuery = (area: string, role: string) => ({
  gsi1pk: user.indexes.byArea.pk.format({ area }),
  gsi1skPrefix: user.indexes.byArea.sk.prefix({ role }),
})

/**
 * gsi2: every directory entry of a kabupaten/kota (its kecamatan's TKSK included) by
 * area and username, for the admin's list; national entries sit under `*`.
 */
export const staffDirectoryPartition = (scope: string): string => user.indexes.directory.pk.format({ scope })
export const staffDirectoryEntry = (area: string, username: string) =>
  user.indexes.directory.entry({ scope: kabupatenBucket(area), area, username })
/** Uniqueness markers of a directory entry's username and email (issue 13: taken → 409). */
export const staffUsernameKey = (username: string): Key => user.items.usernameMarker.key({ username })
export const staffEmailKey = (email: string): Key =>
  user.items.emailMarker.key({ email: email.toLowerCase() })
/** A TKSK's term end, under its month, for the daily job that ends terms by date. */
export const staffTermEndPartition = (month: string): string => user.items.termEnd.pk.format({ month })
export const staffTermEndKey = (end: string, userId: string): Key =>
  user.items.termEnd.key({ month: end.slice(0, 7), end, userId })

/** The days off (cuti bersama, SKB corrections) of one year, as an admin keeps them. */
export const calendarYearKey = (year: number): Key => calendar.items.year.key({ year })

/** The provider directory (DESIGN §4 `/api/admin/providers`), by kabupaten/kota in gsi1. */
export const providerKey = (providerId: string): Key => provider.items.provider.key({ providerId })
export const providersByAreaEntry = (kabupaten: string, providerId: string) =>
  provider.indexes.byArea.entry({ kabupaten, providerId })
export const providersByAreaPartition = (kabupaten: string): string =>
  provider.indexes.byArea.pk.format({ kabupaten })
/** One marker per provider email (lower case): what makes "email in use" a conditional write. */
export const providerEmailKey = (email: string): Key =>
  provider.items.emailMarker.key({ email: email.toLowerCase() })

/** Rate-limit window (DESIGN §5): one counter per route class, client and minute, expiring by TTL. */
export const rateLimitKey = (bucket: string, client: string, minute: string): Key =>
  rateLimit.items.window.key({ bucket, client, minute })

/**
 * Missed status lookups of one reference (ADR 0011): 5 misses lock it for 24 h. Keyed by
 * the reference as typed, whether or not a case has it, so the lock says nothing of
 * which references exist.
 */
export const statusMissKey = (reference: string): Key => statusMiss.items.misses.key({ reference })

/**
 * Staff sessions (DESIGN v3 §5, ADR 0011): one item per session under the SHA-256 of its
 * opaque token (the token itself is never stored), indexed in gsi2 by user so that a
 * deactivation or a role change can revoke all of a person's sessions.
 */
export const sessionKey = (tokenHash: string): Key => session.items.session.key({ tokenHash })
/** IAM `dynamodb:LeadingKeys` pattern of session items: read-only functions still touch and revoke sessions. */
export const sessionKeyPattern = leadingKeyPattern(session.items.session.pk)
export const sessionsOfUserPartition = (userId: string): string =>
  session.indexes.ofUser.pk.format({ userId })
export const sessionsOfUserEntry = (userId: string, createdAt: string, tokenHash: string) =>
  session.indexes.ofUser.entry({ userId, createdAt, tokenHash })

/** Keys read (never written) by `GET /api/health` to prove each table answers. */
export const healthProbeKeys = {
  main: keyShapes.health.items.probe.key({}),
  audit: { entityId: 'HEALTH', seq: '0000000000' },
} as const

// ---------------------------------------------------------------------------------------
// Local Step Functions service (infra/local/stepfunctions): execution records, their
// history events, and the index of executions by status that `resume()` queries after a
// restart. Local only; the deployed system uses the real Step Functions.
// ---------------------------------------------------------------------------------------
export const sfnExecutionKey = (executionArn: string): Key =>
  sfnExecution.items.execution.key({ executionArn })
export const sfnHistoryEventPrefix = sfnExecution.items.event.sk.prefix()
export const sfnHistoryEventKey = (executionArn: string, eventId: number): Key =>
  sfnExecution.items.event.key({ executionArn, eventId })
export const sfnHistoryPartition = (executionArn: string): string =>
  sfnExecution.items.event.pk.format({ executionArn })
/** gsi1: every local execution under one partition, sorted by status then start. */
export const sfnExecutionsByStatusPartition = sfnExecution.indexes.byStatus.pk.format({})
export const sfnExecutionsByStatusPrefix = (status: string): string =>
  sfnExecution.indexes.byStatus.sk.prefix({ status })
export const sfnExecutionByStatusEntry = (status: string, startDateIso: string, executionArn: string) =>
  sfnExecution.indexes.byStatus.entry({ status, startDate: startDateIso, executionArn })

// ---------------------------------------------------------------------------------------
// Audit (audit table, DESIGN §5): one chain per entity under `entityId`, sorted by the
// 10-digit `seq`; index attributes derived from the entry for review and anchoring.
// ---------------------------------------------------------------------------------------
/** The chains of the system, one per audited thing (each declared with its aggregate). */
export const auditEntityId = {
  case: (caseId: string): string => caseShape.chain.format({ caseId }),
  task: (taskId: string): string => task.chain.format({ taskId }),
  batch: (batchId: string): string => batch.chain.format({ batchId }),
  kpm: (program: string, nikRef: string): string => kpm.chain.format({ program, nikRef }),
  user: (userId: string): string => user.chain.format({ userId }),
  calendar: (year: number): string => calendar.chain.format({ year }),
  provider: (providerId: string): string => provider.chain.format({ providerId }),
  psks: (psksId: string): string => keyShapes.psks.chain.format({ psksId }),
  activity: (activityId: string): string => keyShapes.activity.chain.format({ activityId }),
  ppks: (ppksId: string): string => keyShapes.ppks.chain.format({ ppksId }),
}
export const auditEntryKey = (entityId: string, seq: string) => ({ entityId, seq })
/** byAreaDay buckets by kabupaten/kota; a province-level or national (`*`) area is its own bucket. */
export const auditAreaDayPartition = (area: string, utcDay: string): string =>
  auditIndexShapes.areaDay.format({ bucket: kabupatenBucket(area), day: utcDay })
export const auditDayPartition = (utcDay: string): string => utcDay
/**
 * `atSeq` sorts entries by time, then entity and position. An ISO instant is a bound of
 * it: every entry at or after the instant sorts at or after it, every earlier one before.
 */
export const auditAtSeq = (at: string, entityId: string, seq: string): string =>
  auditIndexShapes.atSeq.format({ at, entityId, seq })
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

export const taskKey = (taskId: string): Key => task.items.task.key({ taskId })
/** One item per assignee of a task, indexed in gsi2 for `GET /api/tasks`. */
export const taskAssignmentKey = (taskId: string, assigneeId: string): Key =>
  task.items.assignment.key({ taskId, assigneeId })
export const taskAssignmentPrefix = task.items.assignment.sk.prefix()
export const tasksByAssigneeEntry = (assigneeId: string, status: string, dueAt: string, taskId: string) =>
  task.indexes.byAssignee.entry({ assigneeId, status, dueAt, taskId })
export const tasksByAssigneePartition = (assigneeId: string): string =>
  task.indexes.byAssignee.pk.format({ assigneeId })
export const tasksByAssigneeStatusPrefix = (status: string): string =>
  task.indexes.byAssignee.sk.prefix({ status })
/**
 * gsi1 on the task item, only while it is OPEN (a sparse index, ADR 0007): the open tasks
 * of a kabupaten/kota by due date, for the approval queue and the overdue count. Closing
 * a task removes the entry; rescheduling moves it.
 */
export const openTasksByAreaEntry = (area: string, dueAt: string, taskId: string) =>
  task.indexes.openByArea.entry({ kabupaten: kabupatenBucket(area), dueAt, taskId })
export const openTasksByAreaPartition = (kabupaten: string): string =>
  task.indexes.openByArea.pk.format({ kabupaten })
/** The gsi1 sort-key bound of an instant: tasks due before it sort before it. */
export const openTasksDueBound = (instantIso: string): string => instantIso
/** Which task a workflow step opened for a case (idempotency of the open-task step). */
export const caseStepMarkerKey = (caseId: string, stepKey: string): Key =>
  caseShape.items.stepMarker.key({ caseId, stepKey })

export const linkKey = (linkId: string): Key => link.items.link.key({ linkId })

// ---------------------------------------------------------------------------------------
// Verval batches and the KPM registry (DESIGN §2 data model, §3 verval workflow).
// ---------------------------------------------------------------------------------------
export const batchKey = (batchId: string): Key => batch.items.batch.key({ batchId })
/** The rows as the upload packed them (ADR 0004): parts of each chunk range, by its first row. */
export const batchChunkPrefix = batch.items.chunk.sk.prefix()
export const batchChunkRangePrefix = (from: number): string => batch.items.chunk.sk.prefix({ from })
/** The first row of the chunk range a packed part belongs to, from its sort key. */
export const batchChunkFromOf = (sk: string): number =>
  Number(batch.items.chunk.sk.parse(sk)?.from ?? Number.NaN)
export const batchChunkKey = (batchId: string, from: number, part: number): Key =>
  batch.items.chunk.key({ batchId, from, part })
/** The error report of a batch: one item per (row, error), in row order. */
export const batchErrorPrefix = batch.items.error.sk.prefix()
export const batchErrorKey = (batchId: string, line: number, position: number): Key =>
  batch.items.error.key({ batchId, line, position })
/** gsi1: batches of a kabupaten/kota by kecamatan, program and period. */
export const batchesByAreaPartition = (area: string): string =>
  batch.indexes.byArea.pk.format({ kabupaten: kabupatenBucket(area) })
export const batchesByAreaEntry = (kecamatan: string, program: string, period: string, batchId: string) =>
  batch.indexes.byArea.entry({ kabupaten: kabupatenBucket(kecamatan), kecamatan, program, period, batchId })
/** gsi1 sort-key prefix of the batches of a kecamatan, optionally of one program and period. */
export const batchesByAreaPrefix = (kecamatan: string, program?: string, period?: string): string =>
  batch.indexes.byArea.sk.prefix({
    kecamatan,
    ...(program !== undefined ? { program } : {}),
    ...(program !== undefined && period !== undefined ? { period } : {}),
  })
/** The one live batch of a kecamatan+program+period: what a new upload supersedes or is refused by. */
export const vervalSlotKey = (kecamatan: string, program: string, period: string): Key =>
  batch.items.slot.key({ kecamatan, program, period })
/** Which approval task a batch's workflow opened (idempotency of the open step). */
export const batchStepMarkerKey = (batchId: string, stepKey: string): Key =>
  batch.items.stepMarker.key({ batchId, stepKey })

export const kpmPartitionPrefix = kpm.items.record.pk.prefix()
export const kpmPartition = (program: string, kecamatan: string): string =>
  kpm.items.record.pk.format({ program, kecamatan })
export const kpmKey = (program: string, kecamatan: string, nikRef: string): Key =>
  kpm.items.record.key({ program, kecamatan, nikRef })
/**
 * Lookup items of the registry (ADR 0019): where a NIK is an active KPM of a program,
 * and which active KPM holds a KK. Written in the same transactions as the records, so
 * validation reads them with BatchGetItem instead of one gsi Query per row.
 */
export const kpmNikLookupKey = (program: string, nikRef: string): Key =>
  kpm.items.nikLookup.key({ program, nikRef })
export const kpmKkLookupKey = (program: string, kkRef: string): Key =>
  kpm.items.kkLookup.key({ program, kkRef })

// ---------------------------------------------------------------------------------------
// Letters (DESIGN §3.6, §4 `GET /v/{code}`): a recommendation letter under its
// verification code, so the public check is one GetItem and the code is the only key.
// ---------------------------------------------------------------------------------------
export const letterPartitionPrefix = letter.items.letter.pk.prefix()
export const letterKey = (code: string): Key => letter.items.letter.key({ code })

// ---------------------------------------------------------------------------------------
// Retention (DESIGN §5, ADR 0006): one schedule item per closed case under the UTC month
// it closed in, sorted by the closing instant; the daily job queries the months that may
// be due instead of scanning cases.
// ---------------------------------------------------------------------------------------
export const retentionSchedulePartition = (closingMonth: string): string =>
  retention.items.schedule.pk.format({ closingMonth })
export const retentionScheduleKey = (closingMonth: string, closedAt: string, caseId: string): Key =>
  retention.items.schedule.key({ closingMonth, closedAt, caseId })
/** Upper sort bound of the entries closed at or before an instant (`$` sorts right after `#`). */
export const retentionScheduleSortBound = (instantIso: string): string => `${instantIso}$`
/** IAM `dynamodb:LeadingKeys` patterns of what the retention job touches: schedule items and cases. */
export const retentionJobKeyPatterns = [
  leadingKeyPattern(retention.items.schedule.pk),
  leadingKeyPattern(caseShape.items.case.pk),
] as const

// ---------------------------------------------------------------------------------------
// Mail outbox (ADR 0018): one item per email, written with the state change that causes
// it; the mailer is fed by the table's stream, filtered on this prefix and PENDING.
// ---------------------------------------------------------------------------------------
export const mailKeyPrefix = mail.items.mail.pk.prefix()
export const mailKey = (mailId: string): Key => mail.items.mail.key({ mailId })
/** gsi1 entry, only while a mail is FAILED (sparse): what a kabupaten's Dinsos must resend. */
export const failedMailEntry = (area: string, failedAt: string, mailId: string) =>
  mail.indexes.failed.entry({ kabupaten: kabupatenBucket(area), failedAt, mailId })
export const failedMailsQuery = (kabupaten: string) => ({
  gsi1pk: mail.indexes.failed.pk.format({ kabupaten }),
})
/** A staff or provider address that bounced or complained: one item per address. */
export const bouncingAddressKey = (email: string): Key =>
  mail.items.bouncing.key({ email: email.toLowerCase() })
export const bouncingAddressEntry = (area: string, email: string) =>
  mail.indexes.bouncing.entry({ kabupaten: kabupatenBucket(area), email: email.toLowerCase() })
export const bouncingAddressesQuery = (kabupaten: string) => ({
  gsi1pk: mail.indexes.bouncing.pk.format({ kabupaten }),
})

// ---------------------------------------------------------------------------------------
// NEEDS_ATTENTION (issue 17, ADR 0025): one list item per case or batch whose workflow
// halted on a failed step, written and deleted with the marker on the item itself; what
// a kabupaten's Dinsos lists and retries, a kecamatan's by prefix.
// ---------------------------------------------------------------------------------------
const { attention } = keyShapes
export const attentionKey = (area: string, at: string, kind: string, id: string): Key =>
  attention.items.entry.key({ kabupaten: kabupatenBucket(area), area, at, kind, id })
export const attentionQuery = (kabupaten: string, kecamatan?: string) => ({
  pk: attention.items.entry.pk.format({ kabupaten }),
  skPrefix: attention.items.entry.sk.prefix(kecamatan ? { area: kecamatan } : {}),
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

// ---------------------------------------------------------------------------------------
// "Apakah keluarga saya KPM?" (issue 15.5, ADR 0030): missed checks of one KK, by its
// kkRef (never the KK itself), whether or not a KPM holds it, so the lock says nothing
// of which KKs are in the registry; 5 misses lock it for 24 h like the status lookup.
// ---------------------------------------------------------------------------------------
export const kpmCheckMissKey = (kkRef: string): Key => ({ pk: `KPMCHECKMISS#${kkRef}`, sk: 'KPMCHECKMISS' })
/** The audit chain of the checks of one KK (entries name no KK, birth date or person). */
export const kpmCheckAuditEntityId = (kkRef: string): string => `kpm-check:${kkRef}`

// ---------------------------------------------------------------------------------------
// The TKSK's registers (issue 16, ADR 0031): PSKS entries by kabupaten/kota and kecamatan,
// kegiatan by kabupaten/kota and month, a kecamatan's by prefix.
// ---------------------------------------------------------------------------------------
const { psks, activity } = keyShapes
export const psksKey = (psksId: string): Key => psks.items.psks.key({ psksId })
export const psksByAreaEntry = (kecamatan: string, psksId: string) =>
  psks.indexes.byArea.entry({ kabupaten: kabupatenBucket(kecamatan), kecamatan, psksId })
export const psksByAreaQuery = (kabupaten: string, kecamatan?: string) => ({
  gsi1pk: psks.indexes.byArea.pk.format({ kabupaten }),
  gsi1skPrefix: psks.indexes.byArea.sk.prefix(kecamatan ? { kecamatan } : {}),
})
export const activityKey = (activityId: string): Key => activity.items.activity.key({ activityId })
export const activityByMonthEntry = (kecamatan: string, date: string, activityId: string) =>
  activity.indexes.byMonth.entry({
    kabupaten: kabupatenBucket(kecamatan),
    month: date.slice(0, 7),
    kecamatan,
    date,
    activityId,
  })
export const activitiesByMonthQuery = (kabupaten: string, month: string, kecamatan?: string) => ({
  gsi1pk: activity.indexes.byMonth.pk.format({ kabupaten, month }),
  gsi1skPrefix: activity.indexes.byMonth.sk.prefix(kecamatan ? { kecamatan } : {}),
})

// ---------------------------------------------------------------------------------------
// The retention job deletes an anonymised case's possible-duplicate lookup item (ADR 0027).
// ---------------------------------------------------------------------------------------
/** IAM `dynamodb:LeadingKeys` pattern of the person lookup items. */
export const personLookupKeyPattern = `${personLookupPartition('')}*`

// ---------------------------------------------------------------------------------------
// Local platform's seed (issue 20): one item naming the seed the tables already hold, so
// a warm `npm start` reads one item instead of re-running the seed.
// ---------------------------------------------------------------------------------------
export const localSeedMarkerKey = (): Key => ({ pk: 'LOCAL#SEED', sk: 'VERSION' })

// ---------------------------------------------------------------------------------------
// The national export of a kabupaten's approved verval changes (issue 21 item 4, ADR 0034):
// one audit chain per kabupaten/kota holds every NATIONAL_EXPORT (the batches it marked
// sent live on the batch items, reached through the period's slots).
// ---------------------------------------------------------------------------------------
export const nationalExportAuditEntityId = (kabupaten: string): string => `national-export:${kabupaten}`

// ---------------------------------------------------------------------------------------
// The PPKS register (issue 16 item 1, ADR 0038): entries by kabupaten/kota, a kecamatan's
// or a desa's by prefix. No NIK in any key: the entry carries its nikRef as an attribute.
// ---------------------------------------------------------------------------------------
const { ppks } = keyShapes
export const ppksKey = (ppksId: string): Key => ppks.items.ppks.key({ ppksId })
export const ppksByAreaEntry = (desa: string, ppksId: string) =>
  ppks.indexes.byArea.entry({
    kabupaten: kabupatenBucket(desa),
    kecamatan: kecamatanOf(desa) ?? desa,
    desa,
    ppksId,
  })
/** A kabupaten/kota's entries, or a kecamatan's, or a desa's (the area's level decides). */
export const ppksByAreaQuery = (area: string) => {
  const kecamatan = kecamatanOf(area)
  const desa = areaLevel(area) === 'village' ? area : undefined
  return {
    gsi1pk: ppks.indexes.byArea.pk.format({ kabupaten: kabupatenBucket(area) }),
    gsi1skPrefix: ppks.indexes.byArea.sk.prefix(kecamatan ? { kecamatan, ...(desa ? { desa } : {}) } : {}),
  }
}

// ---------------------------------------------------------------------------------------
// The laporan bulanan that travels (issue 16 item 5, ADR 0039): one item per kecamatan
// and month; the month of a kabupaten/kota is one gsi1 Query (the dashboard, the province).
// ---------------------------------------------------------------------------------------
const { laporan } = keyShapes
export const laporanKey = (kecamatan: string, month: string): Key =>
  laporan.items.laporan.key({ kecamatan, month })
export const laporanByMonthEntry = (kecamatan: string, month: string) =>
  laporan.indexes.byMonth.entry({ kabupaten: kabupatenBucket(kecamatan), month, kecamatan })
export const laporansByMonthQuery = (kabupaten: string, month: string) => ({
  gsi1pk: laporan.indexes.byMonth.pk.format({ kabupaten, month }),
  gsi1skPrefix: laporan.indexes.byMonth.sk.prefix({}),
})
export const laporanAuditEntityId = (laporanId: string): string => laporan.chain.format({ laporanId })

// ---------------------------------------------------------------------------------------
// Draft verval rows of bansos cases (issue 15 item 4, ADR 0036): the kecamatan's rows of
// a period, each keyed by program and case so a replayed decision writes the same row.
// ---------------------------------------------------------------------------------------
const { vervalDraft } = keyShapes
export const vervalDraftKey = (kecamatan: string, period: string, program: string, caseId: string): Key =>
  vervalDraft.items.draft.key({ kecamatan, period, program, caseId })
export const vervalDraftPartition = (kecamatan: string, period: string): string =>
  vervalDraft.items.draft.pk.format({ kecamatan, period })

// ---------------------------------------------------------------------------------------
// The desa's parts of a verval (issue 21 item 1, ADR 0033): one item per desa under its
// kecamatan, program and period, so the TKSK's overview is one Query; one audit chain per
// kecamatan, program and period holds the links sent, the parts received and the compose.
// ---------------------------------------------------------------------------------------
export interface DesaPartScope {
  kecamatan: string
  program: string
  period: string
}
export const desaPartKey = (scope: DesaPartScope, desaCode: string): Key =>
  keyShapes.desaPart.items.part.key({ ...scope, desaCode })
export const desaPartsQuery = (scope: DesaPartScope) => ({
  pk: keyShapes.desaPart.items.part.pk.format(scope),
  skPrefix: keyShapes.desaPart.items.part.sk.prefix({}),
})
export const desaPartAuditEntityId = (scope: DesaPartScope): string => keyShapes.desaPart.chain.format(scope)

// ---------------------------------------------------------------------------------------
// Berita Acara and the pengesahan deadline (issue 21 items 3 and 5, ADR 0035).
// ---------------------------------------------------------------------------------------
const { beritaAcara, pengesahan } = keyShapes
export interface BeritaAcaraKeyScope {
  area: string
  program: string
  period: string
}
export const beritaAcaraRevisionKey = (scope: BeritaAcaraKeyScope, revision: number): Key =>
  beritaAcara.items.revision.key({ ...scope, revision })
/** The partition of a scope's revisions and the `begins_with` of its revision items. */
export const beritaAcaraRevisionsQuery = (scope: BeritaAcaraKeyScope) => ({
  pk: beritaAcara.items.revision.pk.format(scope),
  skPrefix: beritaAcara.items.revision.sk.prefix(),
})
export const beritaAcaraCodeKey = (code: string): Key => beritaAcara.items.code.key({ code })
export const beritaAcaraAuditEntityId = (scope: BeritaAcaraKeyScope): string =>
  beritaAcara.chain.format(scope)
export const pengesahanDayKey = (kabupaten: string): Key => pengesahan.items.day.key({ kabupaten })
export const pengesahanWatchEntry = (kabupaten: string) => pengesahan.indexes.watched.entry({ kabupaten })
export const pengesahanWatchPartition = (): string => pengesahan.indexes.watched.pk.format({})
export const pengesahanReminderKey = (
  kabupaten: string,
  period: string,
  subject: string,
  kind: string,
  milestone: string,
): Key => pengesahan.items.reminder.key({ kabupaten, period, subject, kind, milestone })
export const pengesahanAuditEntityId = (kabupaten: string): string => pengesahan.chain.format({ kabupaten })

// ---------------------------------------------------------------------------------------
// The local Step Functions checkpoint, written with the history events (issue 14 item 8).
// ---------------------------------------------------------------------------------------
export const sfnCheckpointKey = (executionArn: string): Key =>
  keyShapes.sfnExecution.items.checkpoint.key({ executionArn })
