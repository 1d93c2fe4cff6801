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
  /**
   * Only UpdateItem and DeleteItem on session items (leading key `SESSION#`), for staff
   * functions that otherwise only read the main table: every staff request records the
   * session's activity and ends a dead one (ADR 0011).
   */
  sessions?: boolean
  /** Workflows (by name) the function starts: `states:StartExecution` on each. */
  startExecution?: readonly string[]
  /** Workflows whose executions the function stops (`states:StopExecution` on their executions). */
  stopExecution?: readonly string[]
  /** Workflows whose failed executions the function redrives (`states:RedriveExecution` on their executions). */
  redriveExecution?: readonly string[]
  /** Workflows whose waiting tasks the function answers: `states:SendTask{Success,Failure,Heartbeat}`. */
  answerTasks?: readonly string[]
  /** `ses:SendEmail` from the mail identity only (with the configuration set that reports bounces). */
  sendEmail?: boolean
  /** `sms-voice:SendTextMessage` from the configured origination identity only (ADR 0028). */
  sendSms?: boolean
  /** The audit anchor chain in S3 (DESIGN §5): `read` to verify against it, `write` to extend it. */
  anchors?: 'read' | 'write'
  /**
   * Large verval files (ADR 0018): signs PUT URLs into the upload bucket (the browser's PUT
   * is authorised as this role), reads and deletes the file, under `verval/` only.
   */
  vervalUploads?: boolean
  /** Reads the `nikRef` pepper secret (`NIK_PEPPER_SECRET_ARN`): functions that link records by NIK. */
  nikPepper?: boolean
  /** The staff user pool's admin API (create, update, disable, sign out users): the admin function only. */
  cognitoAdmin?: boolean
  /** Files copied next to the bundle (see bundled-assets.ts). */
  assets?: readonly BundledAssetName[]
}

/** The function that starts a new case's workflow from its stream record (ADR 0050). */
export const CASE_STARTER = 'case-starter'

/** Name of a workflow's steps function in this table: `<workflow>-steps`. */
export const stepsFunctionName = (workflow: string): string => `${workflow}-steps`

/**
 * Keyed by function name: the HTTP resources of functions/http/routes.ts and each
 * workflow's steps function. Only entries whose function exists (a resource with a
 * deployed route, a workflow in the manifest) become resources in the stack. Each grant
 * names the use cases that need it; the local platform refuses any call beyond them
 * (infra/local/iam), so a missing grant fails the integration tests of its flow.
 */
export const functionAccess: Readonly<Record<string, FunctionAccess>> = {
  // Health probes both tables (probe items only); openapi and categories read nothing;
  // areas reads the bundled Kemendagri CSVs.
  reference: { main: 'probe', audit: 'probe', assets: ['idn-area-data'] },
  cases: {
    // main readWrite: intake (counter, dedup marker, idempotency, rate-limit window, case
    // and first task), status, lists and detail, withdraw (closes the case and its task),
    // pendampingan after the referral's result (appends to the case, ADR 0032).
    main: 'readWrite',
    // audit append: CASE_CREATED, PII_READ of lists/detail, withdraw's entries, PENDAMPINGAN_RECORDED.
    audit: 'append',
    // A read of a case (status, detail) and an intake's idempotent replay start the case's
    // (or a complaint's, proposal's or objection's, ADR 0036) workflow when its first step has
    // not marked it: the fallback of a start the case starter lost (ADR 0050).
    startExecution: ['case', 'bansos'],
    // withdraw fails the task the workflow waits on.
    answerTasks: ['case', 'bansos'],
    // "Coba lagi" on a NEEDS_ATTENTION case (either workflow), verval batch or laporan
    // bulanan redrives its halted execution (flows/attention/retry-workflow.ts, ADR 0040).
    redriveExecution: ['case', 'bansos', 'verval', 'laporan'],
    // intake links records by nikRef; NIK prefixes are checked against the area data.
    nikPepper: true,
    assets: ['idn-area-data'],
  },
  tasks: {
    // Staff task list and completion (decide-task.ts): task, case and link updates.
    main: 'readWrite',
    audit: 'append',
    // Completion resumes the case (or bansos, ADR 0036) workflow's wait (decide-task.ts → workflow-control.ts).
    answerTasks: ['case', 'bansos'],
    // An adminduk decision records the issued NIK (record-issued-nik.ts, ADR 0037): its
    // nikRef, and the NIK's province checked against the area data.
    nikPepper: true,
    assets: ['idn-area-data'],
  },
  links: {
    // Link pages and their decisions (decide-task.ts, decide-batch.ts), rate-limited;
    // PII_READ for providers.
    main: 'readWrite',
    audit: 'append',
    // A task decision resumes the case workflow's wait; an approval link's decision the
    // verval workflow's approval wait.
    answerTasks: ['case', 'verval', 'bansos'],
    // The link pages name the desa and kecamatan (issue 19, ADR 0026) and list the TKSK of
    // the kabupaten for a REASSIGN: the Kemendagri names.
    assets: ['idn-area-data'],
    // The desa's adminduk link records the issued NIK with its nikRef (record-issued-nik.ts, ADR 0037).
    nikPepper: true,
  },
  verval: {
    // Upload (batch, chunks, slot), batch detail and errors, the approval decision (API;
    // the link page's is the links function's), and the /staff/verval pages, which run
    // here (ADR 0013): batch list, upload form, batch page with its diff (batch reads).
    main: 'readWrite',
    audit: 'append',
    // Upload (API and upload form) starts the batch's workflow.
    startExecution: ['verval'],
    // A superseding upload stops the superseded batch's execution (http/verval/workflow.ts).
    stopExecution: ['verval'],
    // The API's approval decision ends the workflow's approval wait.
    answerTasks: ['verval'],
    // Large files come through the upload bucket (ADR 0018): the API's presign and the
    // upload form's script (`POST /staff/verval/unggah`) sign, the upload reads it back.
    vervalUploads: true,
    // The verval pages name areas (staff-context.ts areaName) from the Kemendagri codes.
    assets: ['idn-area-data'],
  },
  // Registry list over HTTP is read-only (writes happen in the verval steps); staff are
  // rate-limited per user, which writes rate-limit windows.
  // Staff sessions record their activity and end dead sessions (ADR 0011).
  kpm: { main: 'read', rateLimit: true, sessions: true },
  // Audit review and export (AUDIT_EXPORT is appended), verify against the anchor chain:
  // the audit API and the /staff/audit pages (which run here, ADR 0013).
  // Staff sessions record their activity and end dead sessions (ADR 0011).
  // The audit pages name the places beside the codes of the entries (ADR 0026).
  audit: {
    main: 'read',
    audit: 'readAppend',
    anchors: 'read',
    rateLimit: true,
    sessions: true,
    assets: ['idn-area-data'],
  },
  pages: {
    // The HTML forms run the use cases of cases and tasks (intake, status, staff task
    // forms, case pages, withdraw, pendampingan), the dashboard, reports, approvals and mail problems.
    // The audit, verval and provider pages run in their resources' functions (ADR 0013).
    main: 'readWrite',
    // Case pages append PII_READ (staff reads of sensitive cases, reveals), no audit index
    // or anchor (the audit pages run in the audit function).
    audit: 'append',
    // The status page and the forms' idempotent replays retry the start of the case or
    // bansos workflow (ADR 0036) the case starter lost (ADR 0050).
    startExecution: ['case', 'bansos'],
    // Staff task forms resume the case or bansos workflow's wait (they run tasks' complete action).
    answerTasks: ['case', 'bansos'],
    // Intake links records by nikRef.
    nikPepper: true,
    assets: ['idn-area-data', 'chart.js'],
  },
  admin: {
    // main readWrite: staff entries and their username/email/term markers (create-staff,
    // update-staff, import-staff, end-terms, first-admin), the open tasks they hand over
    // (hand-over-tasks), the calendar years (calendar), session revocation, and the provider
    // directory (providers API and the /staff/admin/penyedia pages, which run here).
    main: 'readWrite',
    // audit append: STAFF_*, CALENDAR_UPDATED, TASK_HANDED_OVER, PROVIDER_CREATED/UPDATED.
    audit: 'append',
    // hand-over-tasks mails the new assignee of each task through the outbox (ADR 0018).
    // The staff identity on AWS (cognito-staff-identity.ts): this function only.
    cognitoAdmin: true,
    // Areas are checked against the Kemendagri codes.
    assets: ['idn-area-data'],
  },
  registers: {
    // The PSKS register (save-psks, list-psks) and the activity log (log-activity,
    // list-activities), issue 16, ADR 0031: their items and gsi1 lists.
    main: 'readWrite',
    // audit append: PSKS_CREATED/UPDATED, ACTIVITY_LOGGED; PPKS_RECORDED/UPDATED/CASE_OPENED
    // and SENSITIVE_PPKS_READ (flows/ppks, ADR 0038), CASE_CREATED of a case opened from an entry.
    audit: 'append',
    // "Jadikan kasus" (flows/ppks/open-case.ts) files the case through the intake, whose
    // replay of the entry's idempotency key retries a lost start of its workflow (ADR 0050);
    // opening a laporan bulanan starts its deadline workflow (ADR 0039).
    startExecution: ['case', 'laporan'],
    // A PPKS entry's NIK is linked by nikRef, as the case it may become (save-ppks.ts).
    nikPepper: true,
    // Areas are checked against the Kemendagri codes.
    assets: ['idn-area-data'],
  },
  // Steps' emails are outbox items written with their state changes (ADR 0018): no SES grant.
  [stepsFunctionName('case')]: {
    // Every step reads and writes the case, its tasks and links, and appends its entries.
    main: 'readWrite',
    audit: 'append',
    // A task decided before its wait began (a decision whose resume failed, a race) is
    // answered by the wait step itself with its own token (steps/case/wait-task.ts).
    answerTasks: ['case'],
    assets: ['idn-area-data'],
  },
  // The bansos workflow (ADR 0036) runs the case steps' code: the same needs, its own tokens.
  [stepsFunctionName('bansos')]: {
    main: 'readWrite',
    audit: 'append',
    answerTasks: ['bansos'],
    assets: ['idn-area-data'],
  },
  [stepsFunctionName('verval')]: {
    // Validation and apply write batch chunks and the KPM registry; entries per change.
    main: 'readWrite',
    audit: 'append',
    // A batch decided before its approval wait stored its token is answered by the wait
    // step itself (steps/verval/wait-approval.ts).
    answerTasks: ['verval'],
    // Registry rows are linked by nikRef.
    nikPepper: true,
    assets: ['idn-area-data'],
  },
  [stepsFunctionName('laporan')]: {
    // The laporan's reminder and escalation (flows/laporan/laporan-deadline.ts): the report,
    // its audit entry and the outbox mail in one transaction; the TKSK and Dinsos looked up.
    main: 'readWrite',
    audit: 'append',
    assets: ['idn-area-data'],
  },
  // Starts a new case's workflow (case or bansos) from the case item's stream record, off
  // the intake's answer path (functions/triggers/case-starter.ts, ADR 0050). It reads no item:
  // the record carries what the start needs; its stream read is the event source mapping's.
  [CASE_STARTER]: { startExecution: ['case', 'bansos'] },
  // The outbox's mailer (ADR 0018, flows/mail/deliver-mail.ts): reads a PENDING mail,
  // writes its link record, sends it through SES, records SENT or FAILED. The only sender.
  mailer: { main: 'readWrite', sendEmail: true, sendSms: true },
  // SES bounce and complaint events (flows/mail/record-mail-problem.ts): mark the mail
  // and the recipient's address.
  'mail-events': { main: 'readWrite' },
}

/** Workflows a function talks to, each once: they become `<NAME>_STATE_MACHINE_ARN` variables. */
export const workflowsUsedBy = (access: FunctionAccess): string[] => [
  ...new Set([
    ...(access.startExecution ?? []),
    ...(access.stopExecution ?? []),
    ...(access.answerTasks ?? []),
  ]),
]
