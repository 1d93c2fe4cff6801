/**
 * What each Lambda may touch, as data (DESIGN §2: "each with only its own grants").
 * The app stack turns an entry into IAM statements (infra/constructs/access-grants.ts)
 * and into environment variables; test/infra asserts the resulting policies action by
 * action. A function missing from the table gets nothing beyond its own log group.
 */
import type { BundledAssetName } from '../constructs/bundled-assets'

/**
 * `probe` (both tables) = GetItem of the health-probe item only (functions/data/keys.ts),
 * for `GET /api/health`, which must see that a table answers without reading its data.
 */
export type ProbeAccess = 'probe'

/** Main (state) table: `read` = GetItem/BatchGetItem/Query; `readWrite` adds writes and deletes. */
export type MainTableAccess = ProbeAccess | 'read' | 'readWrite'

/**
 * Audit table, insert-only (DESIGN §5): `append` = PutItem + ConditionCheckItem (for
 * TransactWriteItems) + GetItem/Query on the table (reading chain heads); `read` =
 * GetItem/Query on the table and its indexes (auditors). Never UpdateItem/DeleteItem.
 */
export type AuditTableAccess = ProbeAccess | 'append' | 'read' | 'readAppend'

export interface FunctionAccess {
  main?: MainTableAccess
  audit?: AuditTableAccess
  /**
   * Only UpdateItem on rate-limit window items of the main table (leading key `RL#`),
   * for functions that otherwise only read it but sit behind a per-client limit.
   */
  rateLimit?: boolean
  /** Workflows (by name) the function starts: `states:StartExecution` on each. */
  startExecution?: readonly string[]
  /** Workflows whose executions the function stops (`states:StopExecution` on their executions). */
  stopExecution?: readonly string[]
  /** Workflows whose waiting tasks the function answers: `states:SendTask{Success,Failure,Heartbeat}`. */
  answerTasks?: readonly string[]
  /** `ses:SendEmail` from the mail identity only. */
  sendEmail?: boolean
  /** The audit anchor chain in S3 (DESIGN §5): `read` to verify against it, `write` to extend it. */
  anchors?: 'read' | 'write'
  /** Reads the `nikRef` pepper secret (`NIK_PEPPER_SECRET_ARN`): functions that link records by NIK. */
  nikPepper?: boolean
  /** Files copied next to the bundle (see bundled-assets.ts). */
  assets?: readonly BundledAssetName[]
}

/** Name of a workflow's steps function in this table: `<workflow>-steps`. */
export const stepsFunctionName = (workflow: string): string => `${workflow}-steps`

/**
 * Keyed by function name: the HTTP resources of functions/http/routes.ts and each
 * workflow's steps function. Only entries whose function exists (a resource with a
 * deployed route, a workflow in the manifest) become resources in the stack; the others
 * are the planned grants, reviewed now so the first route that needs them needs no
 * infra change. Best guesses are marked as such.
 */
export const functionAccess: Readonly<Record<string, FunctionAccess>> = {
  // health (probes both tables), openapi, areas (bundled Kemendagri CSVs), categories.
  reference: { main: 'probe', audit: 'probe', assets: ['idn-area-data'] },
  // Guess: intake (counter, dedup marker, idempotency, rate limit), status, lists and
  // detail (PII_READ and sensitive reads are audited), withdraw (closes the case and
  // fails the task the workflow waits on). NIK prefixes are checked against area data.
  cases: {
    main: 'readWrite',
    audit: 'append',
    startExecution: ['case'],
    answerTasks: ['case'],
    nikPepper: true,
    assets: ['idn-area-data'],
  },
  // Guess: staff task lists and completion, which resumes the waiting workflow.
  tasks: { main: 'readWrite', audit: 'append', answerTasks: ['case', 'verval'] },
  // Guess: link pages and decisions (rate-limited, PII_READ for providers).
  links: { main: 'readWrite', audit: 'append', answerTasks: ['case', 'verval'] },
  // Guess: upload starts the verval workflow; a superseding upload ends the old one's wait.
  verval: { main: 'readWrite', audit: 'append', startExecution: ['verval'], answerTasks: ['verval'] },
  // Guess: the registry is read-only over HTTP; writes happen in the verval steps.
  kpm: { main: 'read', rateLimit: true },
  // Guess: review, verify against the anchor chain, export (writes AUDIT_EXPORT).
  audit: { main: 'read', audit: 'readAppend', anchors: 'read', rateLimit: true },
  // Guess: the HTML forms post the same use cases as cases/tasks (intake, task forms);
  // the verval upload form runs the verval upload, which starts the verval workflow.
  pages: {
    main: 'readWrite',
    audit: 'append',
    startExecution: ['case', 'verval'],
    answerTasks: ['case', 'verval'],
    nikPepper: true,
    assets: ['idn-area-data', 'chart.js'],
  },
  // Guess: steps write state and audit entries and send the emails.
  [stepsFunctionName('case')]: {
    main: 'readWrite',
    audit: 'append',
    sendEmail: true,
    assets: ['idn-area-data'],
  },
  [stepsFunctionName('verval')]: {
    main: 'readWrite',
    audit: 'append',
    sendEmail: true,
    nikPepper: true,
    assets: ['idn-area-data'],
  },
}

/** Workflows a function talks to, each once: they become `<NAME>_STATE_MACHINE_ARN` variables. */
export const workflowsUsedBy = (access: FunctionAccess): string[] => [
  ...new Set([
    ...(access.startExecution ?? []),
    ...(access.stopExecution ?? []),
    ...(access.answerTasks ?? []),
  ]),
]
