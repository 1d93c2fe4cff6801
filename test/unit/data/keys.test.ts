import { describe, expect, it } from 'vitest'
import * as keys from '../../../functions/data/keys'
import { auditIndexShapes, keyShapes } from '../../../functions/data/keys'
import { type KeyTemplate, keyTemplate, templatesOverlap } from '../../../functions/data/key-shape'

/** Every key of the stored data as the keys module spelled it before the shapes were declared. */
const STORED_SPELLINGS = {
  userKey: {
    pk: 'USER#u-1',
    sk: 'USER',
  },
  userKeyPattern: 'USER#*',
  staffByAreaEntry: {
    gsi1pk: 'STAFF#32.73.01',
    gsi1sk: 'tksk#u-1',
  },
  staffByAreaQuery: {
    gsi1pk: 'STAFF#32.73.01',
    gsi1skPrefix: 'tksk#',
  },
  staffDirectoryPartition: 'STAFFDIR#32.73',
  staffDirectoryEntry: {
    gsi2pk: 'STAFFDIR#32.73',
    gsi2sk: '32.73.01#budi',
  },
  staffDirectoryEntryNational: {
    gsi2pk: 'STAFFDIR#*',
    gsi2sk: '*#admin',
  },
  staffUsernameKey: {
    pk: 'STAFFNAME#budi',
    sk: 'UNIQUE',
  },
  staffEmailKey: {
    pk: 'STAFFMAIL#budi@example.id',
    sk: 'UNIQUE',
  },
  staffTermEndPartition: 'STAFFTERM#2027-03',
  staffTermEndKey: {
    pk: 'STAFFTERM#2027-03',
    sk: '2027-03-31#u-1',
  },
  calendarYearKey: {
    pk: 'CALENDAR#2027',
    sk: 'CALENDAR',
  },
  providerKey: {
    pk: 'PROVIDER#p-1',
    sk: 'PROVIDER',
  },
  providersByAreaEntry: {
    gsi1pk: 'PROVIDERS#32.73',
    gsi1sk: 'p-1',
  },
  providersByAreaPartition: 'PROVIDERS#32.73',
  providerEmailKey: {
    pk: 'PROVIDEREMAIL#rs@example.id',
    sk: 'PROVIDEREMAIL',
  },
  rateLimitKey: {
    pk: 'RL#public#10.0.0.1#2026-12-06T14:00',
    sk: 'RL',
  },
  statusMissKey: {
    pk: 'STATUSMISS#KS-3273-2026-00001',
    sk: 'STATUSMISS',
  },
  sessionKey: {
    pk: 'SESSION#abc',
    sk: 'SESSION',
  },
  sessionKeyPattern: 'SESSION#*',
  sessionsOfUserPartition: 'SESSIONS#u-1',
  sessionsOfUserEntry: {
    gsi2pk: 'SESSIONS#u-1',
    gsi2sk: '2026-12-06T14:00:00.000Z#abc',
  },
  healthProbeKeys: {
    main: {
      pk: 'HEALTH',
      sk: 'HEALTH',
    },
    audit: {
      entityId: 'HEALTH',
      seq: '0000000000',
    },
  },
  sfnExecutionKey: {
    pk: 'SFNEXEC#arn:aws:states:x:1:execution:case:c-1',
    sk: 'EXECUTION',
  },
  sfnHistoryEventPrefix: 'EVENT#',
  sfnHistoryEventKey: {
    pk: 'SFNEXEC#arn:x',
    sk: 'EVENT#00000042',
  },
  sfnHistoryPartition: 'SFNEXEC#arn:x',
  sfnCheckpointKey: {
    pk: 'SFNEXEC#arn:x',
    sk: 'CHECKPOINT',
  },
  sfnExecutionsByStatusPartition: 'SFNEXECUTIONS',
  sfnExecutionsByStatusPrefix: 'RUNNING#',
  sfnExecutionByStatusEntry: {
    gsi1pk: 'SFNEXECUTIONS',
    gsi1sk: 'RUNNING#2026-12-06T14:00:00.000Z#arn:x',
  },
  auditEntityId: {
    case: 'case:c-1',
    task: 'task:t-1',
    batch: 'batch:b-1',
    kpm: 'kpm:PKH:ref',
    user: 'user:u-1',
    calendar: 'calendar:2027',
    provider: 'provider:p-1',
  },
  auditEntryKey: {
    entityId: 'case:c-1',
    seq: '0000000001',
  },
  auditAreaDayPartition: '32.73#2026-12-06',
  auditAreaDayPartitionProvince: '32#2026-12-06',
  auditDayPartition: '2026-12-06',
  auditAtSeq: '2026-12-06T14:00:00.000Z#case:c-1#0000000001',
  auditAtSeqBound: '2026-12-06T14:00:00.000Z',
  auditIndexAttributes: {
    actorId: 'u-1',
    atSeq: '2026-12-06T14:00:00.000Z#case:c-1#0000000001',
    areaDay: '32.73#2026-12-06',
    day: '2026-12-06',
  },
  caseKey: {
    pk: 'CASE#c-1',
    sk: 'CASE',
  },
  casesByAreaEntry: {
    gsi1pk: 'AREA#32.73#CASE',
    gsi1sk: '32.73.01#ASSESSMENT#2026-12-06T14:00:00.000Z#c-1',
  },
  casesByAreaPartition: 'AREA#32.73#CASE',
  casesByKecamatanPrefix: '32.73.01#',
  casesByKecamatanPrefixStatus: '32.73.01#CLOSED#',
  casesByFilingEntry: {
    gsi2pk: 'AREA#32.73#FILED',
    gsi2sk: '2026-12-06T14:00:00.000Z#c-1',
  },
  casesByFilingPartition: 'AREA#32.73#FILED',
  casesByFilingBound: '2026-12-06T14:00:00.000Z',
  caseReferenceKey: {
    pk: 'REF#KS-1',
    sk: 'REF',
  },
  openCaseKey: {
    pk: 'NIKREF#ref',
    sk: 'OPEN#SKTM',
  },
  referenceCounterKey: {
    pk: 'COUNTER#32.73.01#2026',
    sk: 'COUNTER',
  },
  idempotencyKey: {
    pk: 'IDEMP#POST /api/cases#key#with#hash',
    sk: 'IDEMP',
  },
  taskKey: {
    pk: 'TASK#t-1',
    sk: 'TASK',
  },
  taskAssignmentKey: {
    pk: 'TASK#t-1',
    sk: 'ASSIGNEE#u-1',
  },
  taskAssignmentPrefix: 'ASSIGNEE#',
  tasksByAssigneeEntry: {
    gsi2pk: 'ASSIGNEE#u-1',
    gsi2sk: 'OPEN#2026-12-06T14:00:00.000Z#t-1',
  },
  tasksByAssigneePartition: 'ASSIGNEE#u-1',
  tasksByAssigneeStatusPrefix: 'OPEN#',
  openTasksByAreaEntry: {
    gsi1pk: 'AREA#32.73#OPENTASK',
    gsi1sk: '2026-12-06T14:00:00.000Z#t-1',
  },
  openTasksByAreaPartition: 'AREA#32.73#OPENTASK',
  openTasksDueBound: '2026-12-06T14:00:00.000Z',
  caseStepMarkerKey: {
    pk: 'CASE#c-1',
    sk: 'STEP#ESCALATION#t-1',
  },
  caseStepMarkerPrefix: 'STEP#',
  linkKey: {
    pk: 'LINK#l-1',
    sk: 'LINK',
  },
  batchKey: {
    pk: 'BATCH#b-1',
    sk: 'BATCH',
  },
  batchChunkPrefix: 'CHUNK#',
  batchChunkRangePrefix: 'CHUNK#00501#',
  batchChunkFromOf: 501,
  batchChunkKey: {
    pk: 'BATCH#b-1',
    sk: 'CHUNK#00501#002',
  },
  batchErrorPrefix: 'ERR#',
  batchErrorKey: {
    pk: 'BATCH#b-1',
    sk: 'ERR#00012#03',
  },
  batchesByAreaPartition: 'AREA#32.73#BATCH',
  batchesByAreaEntry: {
    gsi1pk: 'AREA#32.73#BATCH',
    gsi1sk: '32.73.01#PKH#2026-12#b-1',
  },
  batchesByAreaPrefix: '32.73.01#',
  batchesByAreaPrefix2: '32.73.01#PKH#',
  batchesByAreaPrefix3: '32.73.01#PKH#2026-12#',
  vervalSlotKey: {
    pk: 'VERVALSLOT#32.73.01#PKH#2026-12',
    sk: 'SLOT',
  },
  batchStepMarkerKey: {
    pk: 'BATCH#b-1',
    sk: 'STEP#approval',
  },
  kpmPartitionPrefix: 'KPM#',
  kpmPartition: 'KPM#PKH#32.73.01',
  kpmKey: {
    pk: 'KPM#PKH#32.73.01',
    sk: 'ref',
  },
  kpmNikLookupKey: {
    pk: 'KPMNIKLOOKUP#PKH#ref',
    sk: 'ACTIVE',
  },
  kpmKkLookupKey: {
    pk: 'KPMKKLOOKUP#PKH#kk',
    sk: 'ACTIVE',
  },
  letterPartitionPrefix: 'LETTER#',
  letterKey: {
    pk: 'LETTER#ABC123',
    sk: 'LETTER',
  },
  retentionSchedulePartition: 'RETENTION#2026-12',
  retentionScheduleKey: {
    pk: 'RETENTION#2026-12',
    sk: '2026-12-06T14:00:00.000Z#c-1',
  },
  retentionScheduleSortBound: '2026-12-06T14:00:00.000Z$',
  retentionJobKeyPatterns: {
    records: ['RETENTION#*', 'CASE#*'],
    tasks: ['TASK#*'],
    drafts: ['VERVALDRAFT#*'],
  },
  mailKeyPrefix: 'MAIL#',
  mailKey: {
    pk: 'MAIL#m-1',
    sk: 'MAIL',
  },
  failedMailEntry: {
    gsi1pk: 'AREA#32.73#MAILFAILED',
    gsi1sk: '2026-12-06T14:00:00.000Z#m-1',
  },
  failedMailsQuery: {
    gsi1pk: 'AREA#32.73#MAILFAILED',
  },
  bouncingAddressKey: {
    pk: 'BOUNCING#budi@example.id',
    sk: 'BOUNCING',
  },
  bouncingAddressEntry: {
    gsi1pk: 'AREA#32.73#BOUNCING',
    gsi1sk: 'budi@example.id',
  },
  bouncingAddressesQuery: {
    gsi1pk: 'AREA#32.73#BOUNCING',
  },
  attentionKey: { pk: 'AREA#32.73#ATTENTION', sk: '32.73.01#2026-12-06T14:00:00.000Z#case#c-1' },
  attentionKeyKabupaten: { pk: 'AREA#32.73#ATTENTION', sk: '32.73#2026-12-06T14:00:00.000Z#batch#b-1' },
  attentionQuery: { pk: 'AREA#32.73#ATTENTION', skPrefix: '' },
  attentionQueryKecamatan: { pk: 'AREA#32.73#ATTENTION', skPrefix: '32.73.01#' },
  psksKey: { pk: 'PSKS#p-1', sk: 'PSKS' },
  psksByAreaEntry: { gsi1pk: 'PSKSAREA#32.73', gsi1sk: '32.73.01#p-1' },
  psksByAreaQuery: { gsi1pk: 'PSKSAREA#32.73', gsi1skPrefix: '' },
  psksByAreaQueryKecamatan: { gsi1pk: 'PSKSAREA#32.73', gsi1skPrefix: '32.73.01#' },
  activityKey: { pk: 'ACTIVITY#a-1', sk: 'ACTIVITY' },
  activityByMonthEntry: { gsi1pk: 'ACTIVITIES#32.73#2026-11', gsi1sk: '32.73.01#2026-11-20#a-1' },
  activitiesByMonthQueryKecamatan: { gsi1pk: 'ACTIVITIES#32.73#2026-11', gsi1skPrefix: '32.73.01#' },
  psksChain: 'psks:p-1',
  activityChain: 'activity:a-1',
  nationalExportAuditEntityId: 'national-export:32.73',
  ppksKey: { pk: 'PPKS#e-1', sk: 'PPKS' },
  ppksByAreaEntry: { gsi1pk: 'PPKSAREA#32.73', gsi1sk: '32.73.01#32.73.01.2001#e-1' },
  ppksByAreaQuery: { gsi1pk: 'PPKSAREA#32.73', gsi1skPrefix: '' },
  ppksByAreaQueryKecamatan: { gsi1pk: 'PPKSAREA#32.73', gsi1skPrefix: '32.73.01#' },
  ppksByAreaQueryDesa: { gsi1pk: 'PPKSAREA#32.73', gsi1skPrefix: '32.73.01#32.73.01.2001#' },
  ppksChain: 'ppks:e-1',
  laporanKey: { pk: 'LAPORAN#32.73.01#2026-11', sk: 'LAPORAN' },
  laporanByMonthEntry: { gsi1pk: 'LAPORANS#32.73#2026-11', gsi1sk: '32.73.01' },
  laporansByMonthQuery: { gsi1pk: 'LAPORANS#32.73#2026-11', gsi1skPrefix: '' },
  laporanAuditEntityId: 'laporan:32.73.01_2026-11',
  vervalDraftKey: { pk: 'VERVALDRAFT#32.73.01#2026-12', sk: 'BPNT#c-1' },
  vervalDraftPartition: 'VERVALDRAFT#32.73.01#2026-12',
  desaPartKey: { pk: 'DESAPART#32.73.01#BPNT#2026-11', sk: 'DESA#32.73.01.2001' },
  desaPartsQuery: { pk: 'DESAPART#32.73.01#BPNT#2026-11', skPrefix: 'DESA#' },
  desaPartAuditEntityId: 'verval-desa:32.73.01:BPNT:2026-11',
  beritaAcaraRevisionKey: { pk: 'BERITA#32.73#BPNT#2026-12', sk: 'REV#0002' },
  beritaAcaraRevisionsQuery: { pk: 'BERITA#32.73.01#BPNT#2026-12', skPrefix: 'REV#' },
  beritaAcaraCodeKey: { pk: 'BERITACODE#ABC123', sk: 'BERITACODE' },
  beritaAcaraAuditEntityId: 'berita-acara:32.73:BPNT:2026-12',
  pengesahanDayKey: { pk: 'PENGESAHAN#32.73', sk: 'DAY' },
  pengesahanReminderKey: {
    pk: 'PENGESAHANREMINDER#32.73#2026-12',
    sk: '32.73.01#NOT_UPLOADED#REMINDER-1',
  },
  pengesahanAuditEntityId: 'pengesahan:32.73',
  pengesahanWatchEntry: { gsi1pk: 'PENGESAHANDAYS', gsi1sk: '32.73' },
  pengesahanWatchPartition: 'PENGESAHANDAYS',
  caseKeyPrefix: 'CASE#',
  caseSortKey: 'CASE',
  personLookupPartition: 'PERSON#ref',
  personLookupKey: { pk: 'PERSON#ref', sk: 'CASE#c-1' },
  personLookupKeyPattern: 'PERSON#*',
  kpmCheckMissKey: { pk: 'KPMCHECKMISS#kk', sk: 'KPMCHECKMISS' },
  kpmCheckAuditEntityId: 'kpm-check:kk',
  localSeedMarkerKey: { pk: 'LOCAL#SEED', sk: 'VERSION' },
  activitiesByMonthQuery: { gsi1pk: 'ACTIVITIES#32.73#2026-11', gsi1skPrefix: '' },
  rateLimitKeyPattern: 'RL#*',
  openTaskStepKey: 'ADMINDUK_REFERRAL#1',
  escalationStepKey: 'ESCALATION#t-1',
}

type Aggregate = (typeof keyShapes)[keyof typeof keyShapes]
const aggregates = Object.entries(keyShapes) as [string, Aggregate][]

const itemsOf = (aggregate: Aggregate) => Object.values(aggregate.items)
const indexesOf = (aggregate: Aggregate) =>
  Object.values(('indexes' in aggregate ? aggregate.indexes : undefined) ?? {}) as {
    index: string
    pk: KeyTemplate
    sk: KeyTemplate
  }[]
const chainOf = (aggregate: Aggregate): KeyTemplate | undefined =>
  'chain' in aggregate ? aggregate.chain : undefined

/** Every template declared, each with the aggregate it belongs to. */
const allTemplates = (): KeyTemplate[] => [
  ...aggregates.flatMap(([, aggregate]) => [
    ...itemsOf(aggregate).flatMap((item) => [item.pk, item.sk]),
    ...indexesOf(aggregate).flatMap((entry) => [entry.pk, entry.sk]),
    ...(chainOf(aggregate) ? [chainOf(aggregate) as KeyTemplate] : []),
  ]),
  ...Object.values(auditIndexShapes),
]

/** Templates of different aggregates in one key space that some key could match both of. */
const clashesAcrossAggregates = (space: [string, KeyTemplate][]): string[] =>
  space.flatMap(([owner, template], index) =>
    space
      .slice(index + 1)
      .filter(([other, candidate]) => other !== owner && templatesOverlap(template, candidate))
      .map(([other, candidate]) => `${owner} ${template.spec} / ${other} ${candidate.spec}`),
  )

/** Values for a template's fields: a number for the padded ones, a `#`-free text otherwise. */
const sampleValues = (template: KeyTemplate): Record<string, string | number> =>
  Object.fromEntries(
    template.segments.flatMap((segment, index) =>
      'field' in segment
        ? [[segment.field, segment.width === undefined ? `v${index}-${segment.field}` : 7 + index]]
        : [],
    ),
  )

/** Every helper of the keys module, called on the samples of `STORED_SPELLINGS`. */
const builtKeys = (): Record<string, unknown> => ({
  userKey: keys.userKey('u-1'),
  userKeyPattern: keys.userKeyPattern,
  staffByAreaEntry: keys.staffByAreaEntry('32.73.01', 'tksk', 'u-1'),
  staffByAreaQuery: keys.staffByAreaQuery('32.73.01', 'tksk'),
  staffDirectoryPartition: keys.staffDirectoryPartition('32.73'),
  staffDirectoryEntry: keys.staffDirectoryEntry('32.73.01', 'budi'),
  staffDirectoryEntryNational: keys.staffDirectoryEntry('*', 'admin'),
  staffUsernameKey: keys.staffUsernameKey('budi'),
  staffEmailKey: keys.staffEmailKey('Budi@Example.ID'),
  staffTermEndPartition: keys.staffTermEndPartition('2027-03'),
  staffTermEndKey: keys.staffTermEndKey('2027-03-31', 'u-1'),
  calendarYearKey: keys.calendarYearKey(2027),
  providerKey: keys.providerKey('p-1'),
  providersByAreaEntry: keys.providersByAreaEntry('32.73', 'p-1'),
  providersByAreaPartition: keys.providersByAreaPartition('32.73'),
  providerEmailKey: keys.providerEmailKey('Rs@Example.ID'),
  rateLimitKey: keys.rateLimitKey('public', '10.0.0.1', '2026-12-06T14:00'),
  statusMissKey: keys.statusMissKey('KS-3273-2026-00001'),
  sessionKey: keys.sessionKey('abc'),
  sessionKeyPattern: keys.sessionKeyPattern,
  sessionsOfUserPartition: keys.sessionsOfUserPartition('u-1'),
  sessionsOfUserEntry: keys.sessionsOfUserEntry('u-1', '2026-12-06T14:00:00.000Z', 'abc'),
  healthProbeKeys: keys.healthProbeKeys,
  sfnExecutionKey: keys.sfnExecutionKey('arn:aws:states:x:1:execution:case:c-1'),
  sfnHistoryEventPrefix: keys.sfnHistoryEventPrefix,
  sfnHistoryEventKey: keys.sfnHistoryEventKey('arn:x', 42),
  sfnHistoryPartition: keys.sfnHistoryPartition('arn:x'),
  sfnCheckpointKey: keys.sfnCheckpointKey('arn:x'),
  sfnExecutionsByStatusPartition: keys.sfnExecutionsByStatusPartition,
  sfnExecutionsByStatusPrefix: keys.sfnExecutionsByStatusPrefix('RUNNING'),
  sfnExecutionByStatusEntry: keys.sfnExecutionByStatusEntry('RUNNING', '2026-12-06T14:00:00.000Z', 'arn:x'),
  auditEntityId: Object.fromEntries(
    Object.entries({
      case: keys.auditEntityId.case('c-1'),
      task: keys.auditEntityId.task('t-1'),
      batch: keys.auditEntityId.batch('b-1'),
      kpm: keys.auditEntityId.kpm('PKH', 'ref'),
      user: keys.auditEntityId.user('u-1'),
      calendar: keys.auditEntityId.calendar(2027),
      provider: keys.auditEntityId.provider('p-1'),
    }),
  ),
  auditEntryKey: keys.auditEntryKey('case:c-1', '0000000001'),
  auditAreaDayPartition: keys.auditAreaDayPartition('32.73.01', '2026-12-06'),
  auditAreaDayPartitionProvince: keys.auditAreaDayPartition('32', '2026-12-06'),
  auditDayPartition: keys.auditDayPartition('2026-12-06'),
  auditAtSeq: keys.auditAtSeq('2026-12-06T14:00:00.000Z', 'case:c-1', '0000000001'),
  auditAtSeqBound: keys.auditAtSeqBound('2026-12-06T14:00:00.000Z'),
  auditIndexAttributes: keys.auditIndexAttributes({
    entityId: 'case:c-1',
    seq: '0000000001',
    at: '2026-12-06T14:00:00.000Z',
    area: '32.73.01',
    actor: { id: 'u-1' },
  }),
  caseKey: keys.caseKey('c-1'),
  casesByAreaEntry: keys.casesByAreaEntry('32.73.01', 'ASSESSMENT', '2026-12-06T14:00:00.000Z', 'c-1'),
  casesByAreaPartition: keys.casesByAreaPartition('32.73'),
  casesByKecamatanPrefix: keys.casesByKecamatanPrefix('32.73.01'),
  casesByKecamatanPrefixStatus: keys.casesByKecamatanPrefix('32.73.01', 'CLOSED'),
  casesByFilingEntry: keys.casesByFilingEntry('32.73.01', '2026-12-06T14:00:00.000Z', 'c-1'),
  casesByFilingPartition: keys.casesByFilingPartition('32.73'),
  casesByFilingBound: keys.casesByFilingBound('2026-12-06T14:00:00.000Z'),
  caseReferenceKey: keys.caseReferenceKey('KS-1'),
  openCaseKey: keys.openCaseKey('ref', 'SKTM'),
  referenceCounterKey: keys.referenceCounterKey('32.73.01', 2026),
  idempotencyKey: keys.idempotencyKey('POST /api/cases', 'key#with#hash'),
  taskKey: keys.taskKey('t-1'),
  taskAssignmentKey: keys.taskAssignmentKey('t-1', 'u-1'),
  taskAssignmentPrefix: keys.taskAssignmentPrefix,
  tasksByAssigneeEntry: keys.tasksByAssigneeEntry('u-1', 'OPEN', '2026-12-06T14:00:00.000Z', 't-1'),
  tasksByAssigneePartition: keys.tasksByAssigneePartition('u-1'),
  tasksByAssigneeStatusPrefix: keys.tasksByAssigneeStatusPrefix('OPEN'),
  openTasksByAreaEntry: keys.openTasksByAreaEntry('32.73.01', '2026-12-06T14:00:00.000Z', 't-1'),
  openTasksByAreaPartition: keys.openTasksByAreaPartition('32.73'),
  openTasksDueBound: keys.openTasksDueBound('2026-12-06T14:00:00.000Z'),
  caseStepMarkerKey: keys.caseStepMarkerKey('c-1', 'ESCALATION#t-1'),
  caseStepMarkerPrefix: keys.caseStepMarkerPrefix,
  linkKey: keys.linkKey('l-1'),
  batchKey: keys.batchKey('b-1'),
  batchChunkPrefix: keys.batchChunkPrefix,
  batchChunkRangePrefix: keys.batchChunkRangePrefix(501),
  batchChunkFromOf: keys.batchChunkFromOf('CHUNK#00501#002'),
  batchChunkKey: keys.batchChunkKey('b-1', 501, 2),
  batchErrorPrefix: keys.batchErrorPrefix,
  batchErrorKey: keys.batchErrorKey('b-1', 12, 3),
  batchesByAreaPartition: keys.batchesByAreaPartition('32.73.01'),
  batchesByAreaEntry: keys.batchesByAreaEntry('32.73.01', 'PKH', '2026-12', 'b-1'),
  batchesByAreaPrefix: keys.batchesByAreaPrefix('32.73.01'),
  batchesByAreaPrefix2: keys.batchesByAreaPrefix('32.73.01', 'PKH'),
  batchesByAreaPrefix3: keys.batchesByAreaPrefix('32.73.01', 'PKH', '2026-12'),
  vervalSlotKey: keys.vervalSlotKey('32.73.01', 'PKH', '2026-12'),
  batchStepMarkerKey: keys.batchStepMarkerKey('b-1', 'approval'),
  kpmPartitionPrefix: keys.kpmPartitionPrefix,
  kpmPartition: keys.kpmPartition('PKH', '32.73.01'),
  kpmKey: keys.kpmKey('PKH', '32.73.01', 'ref'),
  kpmNikLookupKey: keys.kpmNikLookupKey('PKH', 'ref'),
  kpmKkLookupKey: keys.kpmKkLookupKey('PKH', 'kk'),
  letterPartitionPrefix: keys.letterPartitionPrefix,
  letterKey: keys.letterKey('ABC123'),
  retentionSchedulePartition: keys.retentionSchedulePartition('2026-12'),
  retentionScheduleKey: keys.retentionScheduleKey('2026-12', '2026-12-06T14:00:00.000Z', 'c-1'),
  retentionScheduleSortBound: keys.retentionScheduleSortBound('2026-12-06T14:00:00.000Z'),
  retentionJobKeyPatterns: keys.retentionJobKeyPatterns,
  mailKeyPrefix: keys.mailKeyPrefix,
  mailKey: keys.mailKey('m-1'),
  failedMailEntry: keys.failedMailEntry('32.73.01', '2026-12-06T14:00:00.000Z', 'm-1'),
  failedMailsQuery: keys.failedMailsQuery('32.73'),
  bouncingAddressKey: keys.bouncingAddressKey('Budi@Example.ID'),
  bouncingAddressEntry: keys.bouncingAddressEntry('32.73.01', 'Budi@Example.ID'),
  bouncingAddressesQuery: keys.bouncingAddressesQuery('32.73'),
  attentionKey: keys.attentionKey('32.73.01', '2026-12-06T14:00:00.000Z', 'case', 'c-1'),
  attentionKeyKabupaten: keys.attentionKey('32.73', '2026-12-06T14:00:00.000Z', 'batch', 'b-1'),
  attentionQuery: keys.attentionQuery('32.73'),
  attentionQueryKecamatan: keys.attentionQuery('32.73', '32.73.01'),
  psksKey: keys.psksKey('p-1'),
  psksByAreaEntry: keys.psksByAreaEntry('32.73.01', 'p-1'),
  psksByAreaQuery: keys.psksByAreaQuery('32.73'),
  psksByAreaQueryKecamatan: keys.psksByAreaQuery('32.73', '32.73.01'),
  activityKey: keys.activityKey('a-1'),
  activityByMonthEntry: keys.activityByMonthEntry('32.73.01', '2026-11-20', 'a-1'),
  activitiesByMonthQueryKecamatan: keys.activitiesByMonthQuery('32.73', '2026-11', '32.73.01'),
  psksChain: keys.auditEntityId.psks('p-1'),
  activityChain: keys.auditEntityId.activity('a-1'),
  nationalExportAuditEntityId: keys.nationalExportAuditEntityId('32.73'),
  ppksKey: keys.ppksKey('e-1'),
  ppksByAreaEntry: keys.ppksByAreaEntry('32.73.01.2001', 'e-1'),
  ppksByAreaQuery: keys.ppksByAreaQuery('32.73'),
  ppksByAreaQueryKecamatan: keys.ppksByAreaQuery('32.73.01'),
  ppksByAreaQueryDesa: keys.ppksByAreaQuery('32.73.01.2001'),
  ppksChain: keys.auditEntityId.ppks('e-1'),
  laporanKey: keys.laporanKey('32.73.01', '2026-11'),
  laporanByMonthEntry: keys.laporanByMonthEntry('32.73.01', '2026-11'),
  laporansByMonthQuery: keys.laporansByMonthQuery('32.73', '2026-11'),
  laporanAuditEntityId: keys.laporanAuditEntityId('32.73.01_2026-11'),
  vervalDraftKey: keys.vervalDraftKey('32.73.01', '2026-12', 'BPNT', 'c-1'),
  vervalDraftPartition: keys.vervalDraftPartition('32.73.01', '2026-12'),
  desaPartKey: keys.desaPartKey(
    { kecamatan: '32.73.01', program: 'BPNT', period: '2026-11' },
    '32.73.01.2001',
  ),
  desaPartsQuery: keys.desaPartsQuery({ kecamatan: '32.73.01', program: 'BPNT', period: '2026-11' }),
  desaPartAuditEntityId: keys.desaPartAuditEntityId({
    kecamatan: '32.73.01',
    program: 'BPNT',
    period: '2026-11',
  }),
  beritaAcaraRevisionKey: keys.beritaAcaraRevisionKey(
    { area: '32.73', program: 'BPNT', period: '2026-12' },
    2,
  ),
  beritaAcaraRevisionsQuery: keys.beritaAcaraRevisionsQuery({
    area: '32.73.01',
    program: 'BPNT',
    period: '2026-12',
  }),
  beritaAcaraCodeKey: keys.beritaAcaraCodeKey('ABC123'),
  beritaAcaraAuditEntityId: keys.beritaAcaraAuditEntityId({
    area: '32.73',
    program: 'BPNT',
    period: '2026-12',
  }),
  pengesahanDayKey: keys.pengesahanDayKey('32.73'),
  pengesahanReminderKey: keys.pengesahanReminderKey(
    '32.73',
    '2026-12',
    '32.73.01',
    'NOT_UPLOADED',
    'REMINDER-1',
  ),
  pengesahanAuditEntityId: keys.pengesahanAuditEntityId('32.73'),
  pengesahanWatchEntry: keys.pengesahanWatchEntry('32.73'),
  pengesahanWatchPartition: keys.pengesahanWatchPartition(),
  caseKeyPrefix: keys.caseKeyPrefix,
  caseSortKey: keys.caseSortKey,
  personLookupPartition: keys.personLookupPartition('ref'),
  personLookupKey: keys.personLookupKey('ref', 'c-1'),
  personLookupKeyPattern: keys.personLookupKeyPattern,
  kpmCheckMissKey: keys.kpmCheckMissKey('kk'),
  kpmCheckAuditEntityId: keys.kpmCheckAuditEntityId('kk'),
  localSeedMarkerKey: keys.localSeedMarkerKey(),
  activitiesByMonthQuery: keys.activitiesByMonthQuery('32.73', '2026-11'),
  rateLimitKeyPattern: keys.rateLimitKeyPattern,
  openTaskStepKey: keys.openTaskStepKey('ADMINDUK_REFERRAL', 1),
  escalationStepKey: keys.escalationStepKey('t-1'),
})

/** What the keys module exports besides its helpers: the declarations the helpers read. */
const DECLARATIONS = ['keyShapes', 'auditIndexShapes']

describe('the keys of the stored data', () => {
  it('keep the spelling every stored item already has', () => {
    expect(JSON.parse(JSON.stringify(builtKeys()))).toEqual(STORED_SPELLINGS)
  })

  it('are each pinned above, so a helper lost or changed in a move of the module cannot pass unseen', () => {
    const built = builtKeys()
    const unpinned = Object.keys(keys).filter((name) => !DECLARATIONS.includes(name) && !(name in built))
    expect(unpinned).toEqual([])
  })

  it('give no two aggregates a partition a key of both could fall in', () => {
    const tablePartitions = aggregates.flatMap(([name, aggregate]) =>
      itemsOf(aggregate).map((item): [string, KeyTemplate] => [name, item.pk]),
    )
    const indexPartitions = (index: string) =>
      aggregates.flatMap(([name, aggregate]) =>
        indexesOf(aggregate)
          .filter((entry) => entry.index === index)
          .map((entry): [string, KeyTemplate] => [name, entry.pk]),
      )
    const chains = aggregates.flatMap(([name, aggregate]) => {
      const chain = chainOf(aggregate)
      return chain ? [[name, chain] as [string, KeyTemplate]] : []
    })
    expect(clashesAcrossAggregates(tablePartitions)).toEqual([])
    expect(clashesAcrossAggregates(indexPartitions('gsi1'))).toEqual([])
    expect(clashesAcrossAggregates(indexPartitions('gsi2'))).toEqual([])
    expect(clashesAcrossAggregates(chains)).toEqual([])
  })

  it('give the kinds of item sharing a partition sort keys that cannot be taken for each other', () => {
    for (const [, aggregate] of aggregates) {
      const items = itemsOf(aggregate)
      for (const [index, item] of items.entries())
        for (const other of items.slice(index + 1))
          if (templatesOverlap(item.pk, other.pk))
            expect(templatesOverlap(item.sk, other.sk), `${item.sk.spec} / ${other.sk.spec}`).toBe(false)
    }
  })

  it('read back as the values they were built from, and build the same key again', () => {
    const templates = allTemplates()
    expect(templates.length).toBeGreaterThan(60)
    for (const template of templates) {
      const values = sampleValues(template)
      const key = template.format(values)
      expect(template.parse(key), template.spec).toEqual(values)
      expect(template.format(template.parse(key) ?? {}), template.spec).toBe(key)
    }
  })
})

describe('a key template', () => {
  it('lets its last field keep separators: a step marker of an escalation names the task it escalates', () => {
    const marker = keyShapes.case.items.stepMarker.sk
    expect(marker.parse('STEP#ESCALATION#01JH')).toEqual({ stepKey: 'ESCALATION#01JH' })
  })

  it('does not read a key of another template', () => {
    expect(keyShapes.case.items.case.pk.parse('TASK#01JH')).toBeUndefined()
    expect(keyShapes.batch.items.chunk.sk.parse('ERR#00012#03')).toBeUndefined()
    expect(keyShapes.batch.items.chunk.sk.parse('CHUNK#0050x#002')).toBeUndefined()
  })

  it('gives the begins_with prefix of the leading values, up to the first one missing', () => {
    const byArea = keyShapes.batch.indexes.byArea.sk
    expect(byArea.prefix({ kecamatan: '32.73.01', period: '2026-12' })).toBe('32.73.01#')
    expect(byArea.prefix({ kecamatan: '32.73.01', program: 'PKH' })).toBe('32.73.01#PKH#')
  })

  it('finds two partitions a key could fall in both of, and tells apart ones that differ in a literal', () => {
    expect(
      templatesOverlap(keyTemplate('AREA#{kabupaten}#CASE'), keyTemplate('AREA#{kabupaten}#{kind}')),
    ).toBe(true)
    expect(templatesOverlap(keyTemplate('{nikRef}'), keyTemplate('CASE'))).toBe(true)
    expect(
      templatesOverlap(keyTemplate('AREA#{kabupaten}#CASE'), keyTemplate('AREA#{kabupaten}#BATCH')),
    ).toBe(false)
    expect(
      templatesOverlap(keyTemplate('KPM#{program}#{kecamatan}'), keyTemplate('KPMNIKLOOKUP#{program}#{nik}')),
    ).toBe(false)
  })
})
