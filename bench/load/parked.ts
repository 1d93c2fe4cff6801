/**
 * The parked cases of the load bench (issue 17 item 7): filed in one kecamatan, each
 * waiting on its assessment task with the TKSK's link mailed; and, after the SIGKILL and
 * the restart, the check that every one of them finished exactly once: CLOSED, one
 * CASE_CLOSED on its audit chain, no audit action and no mail twice.
 */
import {
  type Filed,
  fileCase,
  KECAMATAN,
  outboxOf,
  statusOf,
  type Target,
  TKSK_CIAMPEA,
  tokenOf,
} from './http'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs `work` over `items` with `concurrency` in flight. */
export const eachConcurrently = async <T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> => {
  let next = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next] as T
        next += 1
        await work(item)
      }
    }),
  )
}

export interface Parked extends Filed {
  /** The assessment link mailed to the TKSK. */
  link: string
}

/**
 * Files `count` cases and waits until each one's assessment link is in the TKSK's mail. An
 * intake answered 5xx (a loaded machine times a Lambda out) is sent again with its
 * Idempotency-Key, and counted.
 */
export const parkCases = async (
  target: Target,
  count: number,
  timeoutMs = 600_000,
): Promise<{ parked: Parked[]; fiveXx: number }> => {
  const filed: Filed[] = []
  let fiveXx = 0
  await eachConcurrently(
    Array.from({ length: count }, (_, n) => n + 1),
    16,
    async (serial) => {
      for (let attempt = 1; ; attempt += 1) {
        const { status, filed: one } = await fileCase(target, serial, KECAMATAN.ciampea)
        if (one) return void filed.push(one)
        if (status >= 500) fiveXx += 1
        if (status < 500 || attempt === 5) throw new Error(`parking intake answered ${status}`)
      }
    },
  )
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const links = new Map<string, string>()
    for (const mail of await outboxOf(target, TKSK_CIAMPEA)) {
      const reference = filed.find(
        (one) => mail.subject.includes(one.reference) && mail.subject.includes('Asesmen'),
      )
      const link = mail.links.find((l) => l.includes('/t/'))
      if (reference && link) links.set(reference.reference, link)
    }
    if (links.size === filed.length)
      return { parked: filed.map((one) => ({ ...one, link: links.get(one.reference) ?? '' })), fiveXx }
    if (Date.now() > deadline) throw new Error(`${links.size} of ${filed.length} cases parked on their task`)
    await pause(1000)
  }
}

/** Entries of a read, one per view (the TKSK opening the link again after the kill): not changes. */
const READS: ReadonlySet<string> = new Set(['PII_READ'])

export interface ExactlyOnce {
  closed: number
  notClosed: string[]
  /** Cases whose chain has CASE_CLOSED other than once. */
  closedOtherThanOnce: string[]
  /** `reference: ACTION×n` for every change (reads aside) written more than once on a chain. */
  duplicateAuditEntries: string[]
  /** `subject×n` for every mail about a parked case sent more than once. */
  duplicateMails: string[]
}

/** Waits (up to `timeoutMs`) for every parked case to close, then reads their chains and the mail. */
export const checkExactlyOnce = async (
  target: Target,
  parked: readonly Parked[],
  timeoutMs = 600_000,
): Promise<ExactlyOnce> => {
  const open = new Set(parked.map((one) => one.reference))
  const deadline = Date.now() + timeoutMs
  while (open.size > 0 && Date.now() < deadline) {
    await eachConcurrently(
      parked.filter((one) => open.has(one.reference)),
      8,
      async (one) => {
        if ((await statusOf(target, one)).body?.status === 'CLOSED') open.delete(one.reference)
      },
    )
    if (open.size > 0) await pause(1000)
  }
  const auditor = await tokenOf(target, 'auditor.bogor')
  const closedOtherThanOnce: string[] = []
  const duplicateAuditEntries: string[] = []
  await eachConcurrently(parked, 8, async (one) => {
    const response = await fetch(`${target.url}/api/audit?entityId=case:${one.caseId}&limit=100`, {
      headers: { authorization: `Bearer ${auditor}` },
    })
    const { items } = (await response.json()) as { items: { action: string }[] }
    const counts = new Map<string, number>()
    for (const { action } of items) counts.set(action, (counts.get(action) ?? 0) + 1)
    if (counts.get('CASE_CLOSED') !== 1) closedOtherThanOnce.push(one.reference)
    for (const [action, n] of counts)
      if (n > 1 && !READS.has(action)) duplicateAuditEntries.push(`${one.reference}: ${action}×${n}`)
  })
  const references = new Set(parked.map((one) => one.reference))
  const subjects = new Map<string, number>()
  for (const mail of await outboxOf(target, TKSK_CIAMPEA))
    if ([...references].some((reference) => mail.subject.includes(reference)))
      subjects.set(mail.subject, (subjects.get(mail.subject) ?? 0) + 1)
  return {
    closed: parked.length - open.size,
    notClosed: [...open],
    closedOtherThanOnce,
    duplicateAuditEntries,
    duplicateMails: [...subjects].filter(([, n]) => n > 1).map(([subject, n]) => `${subject}×${n}`),
  }
}
