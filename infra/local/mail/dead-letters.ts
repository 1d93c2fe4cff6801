/**
 * The local dead letters of mail (ADR 0020), the two places a mail ends up when it is not
 * delivered, as on AWS: a mail the mailer marked FAILED (SES refused it for good, or it
 * kept failing through its retry span), which Dinsos sees on `/staff/surel` with "Kirim
 * ulang"; and a batch the stream mapping gave up on after its retries (AWS: the SQS
 * on-failure destination), kept as a file under `DATA_DIR/dead-letters`.
 * `GET /api/dev/outbox` lists both.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { monotonicFactory } from 'ulid'
import type { OutboxChannel, OutboxMailRecord } from '../../../functions/core/outbox/outbox-mail'
import { mailKeyPrefix } from '../../../functions/data/keys'
import { scanPages } from '../../../functions/data/paginate'
import { nowMs } from '../../../functions/shared/clock'
import { env } from '../../../functions/shared/env'
import type { StreamDeadLetter } from '../streams/stream-poller-types'

const nextId = monotonicFactory()
const directory = (dataDir: string) => join(dataDir, 'dead-letters')
const deadLetterFolder = (dataDir: string, consumer: string | undefined) =>
  consumer ? join(directory(dataDir), consumer) : directory(dataDir)

export interface StoredStreamDeadLetter extends StreamDeadLetter {
  id: string
  at: string
}

/**
 * The on-failure destination of a local stream mapping: one JSON file per failed batch, the
 * mailer's in `dead-letters` (listed with the outbox), another consumer's in a folder named
 * for it (the case starter's, ADR 0050: its own SQS queue on AWS).
 */
export const writeStreamDeadLetter = async (
  dataDir: string,
  deadLetter: StreamDeadLetter,
  consumer?: string,
): Promise<void> => {
  const folder = deadLetterFolder(dataDir, consumer)
  await mkdir(folder, { recursive: true })
  const at = nowMs()
  const stored: StoredStreamDeadLetter = { id: nextId(at), at: new Date(at).toISOString(), ...deadLetter }
  await writeFile(join(folder, `${stored.id}.json`), JSON.stringify(stored, null, 2))
}

/** The dead letters of the mailer's mapping, or of the consumer named. */
export const readStreamDeadLetters = async (
  dataDir: string,
  consumer?: string,
): Promise<StoredStreamDeadLetter[]> => {
  const folder = deadLetterFolder(dataDir, consumer)
  const files = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.json'))
  return Promise.all(
    files.sort().map(async (name) => JSON.parse(await readFile(join(folder, name), 'utf8'))),
  ) as Promise<StoredStreamDeadLetter[]>
}

export type FailedMail = Pick<
  OutboxMailRecord,
  'mailId' | 'to' | 'subject' | 'area' | 'failure' | 'failedAt' | 'createdAt'
> & { channel: OutboxChannel }

/**
 * Every FAILED outbox mail of the local table (all kabupaten; the page lists one). A scan:
 * local only, on a table of test and demo size.
 */
export const listFailedMailsEverywhere = async (): Promise<FailedMail[]> => {
  const mails: FailedMail[] = []
  for await (const page of scanPages({
    TableName: env.mainTableName(),
    FilterExpression: 'begins_with(pk, :mail) AND #status = :failed',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':mail': mailKeyPrefix, ':failed': 'FAILED' },
  })) {
    for (const item of page) {
      const { mailId, channel, to, subject, area, failure, failedAt, createdAt } =
        item as unknown as OutboxMailRecord
      // An SMS fails the same way (ADR 0028): listed with its channel.
      mails.push({ mailId, channel: channel ?? 'email', to, subject, area, failure, failedAt, createdAt })
    }
  }
  return mails.sort((a, b) => ((a.failedAt ?? '') < (b.failedAt ?? '') ? 1 : -1))
}
