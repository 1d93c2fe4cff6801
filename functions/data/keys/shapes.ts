/**
 * The one declaration of every key of the system (ADR 0021): per aggregate, the table
 * key of each kind of item, the index entries it carries and its audit chain, as
 * templates (`../key-shape.ts`). The helpers of `keys/` read it; nothing else spells a key.
 */
import { type AggregateShape, indexShape, itemShape, keyTemplate } from '../key-shape'

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
