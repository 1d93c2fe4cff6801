/**
 * The local mail outbox (DESIGN §2 point 5): every mail "sent" through the local SES
 * endpoint lands in `DATA_DIR/outbox` as an `.eml` file (openable in any mail client)
 * with a `.json` twin that `GET /api/dev/outbox` reads without parsing MIME.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import MailComposer from 'nodemailer/lib/mail-composer'
import { monotonicFactory } from 'ulid'

export interface OutboxMail {
  id: string
  from: string
  to: string[]
  cc: string[]
  bcc: string[]
  subject: string
  text: string
  html: string
  /** Every http(s) URL in the text part, in order: what a test or a person clicks. */
  links: string[]
  /** The SES message tags (the outbox's `mailId`): what counts the sends of one outbox mail. */
  tags?: Record<string, string>
  sentAt: string
}

export type NewMail = Omit<OutboxMail, 'id' | 'links' | 'sentAt'>

const URL_PATTERN = /https?:\/\/[^\s<>"')]+/g

export const linksIn = (text: string): string[] => [...text.matchAll(URL_PATTERN)].map((match) => match[0])

/** ULIDs from the project clock sort mail by send time even when the clock was moved. */
const nextId = monotonicFactory()

/** Write-then-rename, so a concurrent reader never sees half a mail. */
const writeAtomically = async (path: string, content: string | Buffer): Promise<void> => {
  await writeFile(`${path}.tmp`, content)
  await rename(`${path}.tmp`, path)
}

const readMail = async (path: string): Promise<OutboxMail | undefined> => {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as OutboxMail
  } catch {
    return undefined
  }
}

export const outboxDirectory = (dataDir: string): string => join(dataDir, 'outbox')

export const writeToOutbox = async (dataDir: string, mail: NewMail, sentAt: Date): Promise<OutboxMail> => {
  const directory = outboxDirectory(dataDir)
  await mkdir(directory, { recursive: true })
  const stored: OutboxMail = {
    ...mail,
    id: nextId(sentAt.getTime()),
    links: linksIn(mail.text),
    sentAt: sentAt.toISOString(),
  }
  const eml = await new MailComposer({
    from: mail.from,
    to: mail.to,
    cc: mail.cc,
    bcc: mail.bcc,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    date: sentAt,
  })
    .compile()
    .build()
  await writeAtomically(join(directory, `${stored.id}.eml`), eml)
  await writeAtomically(join(directory, `${stored.id}.json`), JSON.stringify(stored, null, 2))
  return stored
}

/** Waits run before the outbox is read, per data directory (the local mailer's drain). */
const readHooks = new Map<string, () => Promise<unknown>>()

/** Registers `hook` to run before each read of `dataDir`'s outbox; returns its removal. */
export const beforeOutboxRead = (dataDir: string, hook: () => Promise<unknown>): (() => void) => {
  readHooks.set(dataDir, hook)
  return () => {
    if (readHooks.get(dataDir) === hook) readHooks.delete(dataDir)
  }
}

/** Runs the waits registered for `dataDir` (the mail and SMS outboxes are read after them). */
export const settleOutbox = async (dataDir: string): Promise<void> => {
  await readHooks.get(dataDir)?.()
}

export const readOutbox = async (dataDir: string, to?: string): Promise<OutboxMail[]> => {
  await settleOutbox(dataDir)
  const directory = outboxDirectory(dataDir)
  const files = await readdir(directory).catch(() => [] as string[])
  const ids = files
    .filter((name) => name.endsWith('.json'))
    .sort()
    .reverse()
  const mails = (await Promise.all(ids.map((name) => readMail(join(directory, name))))).filter(
    (mail): mail is OutboxMail => mail !== undefined,
  )
  const wanted = to?.toLowerCase()
  const recipients = (mail: OutboxMail) => [...mail.to, ...(mail.cc ?? []), ...(mail.bcc ?? [])]
  return wanted
    ? mails.filter((mail) => recipients(mail).some((address) => address.toLowerCase() === wanted))
    : mails
}
