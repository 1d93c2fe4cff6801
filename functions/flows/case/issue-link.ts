/**
 * One link record per mailed link (DESIGN §2 "Human tasks", §5 "Links"): 32 random bytes
 * of secret of which only the SHA-256 is stored, bound to its recipient, expiring at the
 * task's final deadline. Returns the URL to put in the mail.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import type { Person } from '../../core/case/case-record'
import { linkPut } from '../../data/link-repository'
import { dynamo } from '../../shared/clients'
import { env } from '../../shared/env'
import { hashLinkSecret, newLinkId, newLinkSecret } from '../../shared/link-secret'

export interface LinkToIssue {
  /** Path the link opens, e.g. `/t` or `/verval/keputusan`. */
  path: string
  /** What the link decides: a task id, or `batch:<id>` for a verval approval. */
  taskId: string
  recipient: Person
  expiresAtIso: string
  at: string
}

export const issueLink = async ({
  path,
  taskId,
  recipient,
  expiresAtIso,
  at,
}: LinkToIssue): Promise<string> => {
  const linkId = newLinkId()
  const secret = newLinkSecret()
  await dynamo().send(
    new TransactWriteCommand({
      TransactItems: [
        linkPut({
          linkId,
          taskId,
          recipient,
          secretHash: hashLinkSecret(secret),
          createdAt: at,
          expiresAtIso,
        }),
      ],
    }),
  )
  return `${env.publicBaseUrl()}${path}/${linkId}?k=${secret}`
}
