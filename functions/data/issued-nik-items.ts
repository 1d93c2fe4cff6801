/**
 * A NIK that adminduk issued for a case's applicant (ADR 0037): the case update and the
 * person's open-case marker, written with the task's decision.
 */
import type { CaseRecord } from '../core/case/case-record'
import { env } from '../shared/env'
import type { TransactItem } from './audit-repository'
import { caseKey, openCaseKey } from './keys'

const table = () => env.mainTableName()

/** What recording an issued NIK writes (ADR 0037); the derived fields come from the flow. */
export interface IssuedNik {
  nik: string
  nikRef: string
  identityStatus: NonNullable<CaseRecord['identityStatus']>
  nikRegisteredElsewhere: boolean
  regionFlags: NonNullable<CaseRecord['regionFlags']>
  /** Another open case of the same NIK and service: a warning, and this case takes no marker. */
  sameNikOpenCase?: string
}

/**
 * The case update and open-case marker of a NIK that adminduk issued (ADR 0037), written
 * with the task's decision: only on an open, not anonymised case that has no NIK yet.
 */
export const issuedNikItems = (record: CaseRecord, issued: IssuedNik, at: string): TransactItem[] => [
  {
    Update: {
      TableName: table(),
      Key: caseKey(record.caseId),
      UpdateExpression:
        'SET #applicant.#nik = :nik, #applicant.#nikStatus = :provided, #nikRef = :nikRef, #identity = :identity, #elsewhere = :elsewhere, #flags = :flags, #updatedAt = :at' +
        (issued.sameNikOpenCase ? ', #same = :same' : ''),
      ConditionExpression:
        '#status <> :closed AND attribute_not_exists(#nikRef) AND attribute_not_exists(#anonymisedAt)',
      ExpressionAttributeNames: {
        '#applicant': 'applicant',
        '#nik': 'nik',
        '#nikStatus': 'nikStatus',
        '#nikRef': 'nikRef',
        '#identity': 'identityStatus',
        '#elsewhere': 'nikRegisteredElsewhere',
        '#flags': 'regionFlags',
        '#updatedAt': 'updatedAt',
        '#status': 'status',
        '#anonymisedAt': 'anonymisedAt',
        ...(issued.sameNikOpenCase ? { '#same': 'sameNikOpenCase' } : {}),
      },
      ExpressionAttributeValues: {
        ':nik': issued.nik,
        ':provided': 'PROVIDED',
        ':nikRef': issued.nikRef,
        ':identity': issued.identityStatus,
        ':elsewhere': issued.nikRegisteredElsewhere,
        ':flags': issued.regionFlags,
        ':at': at,
        ':closed': 'CLOSED',
        ...(issued.sameNikOpenCase ? { ':same': issued.sameNikOpenCase } : {}),
      },
    },
  },
  ...(issued.sameNikOpenCase
    ? []
    : [
        {
          Put: {
            TableName: table(),
            Item: { ...openCaseKey(issued.nikRef, record.service), caseId: record.caseId },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      ]),
]
