/**
 * Each consumer of the main table's stream (ADR 0018, 0050) says which records it wants three
 * ways: its handler's own check, its mapping's filter pattern (the FilterCriteria on AWS,
 * which the local feed evaluates too) and the local nudge rule that wakes its feed after a
 * write. Over the INSERT, MODIFY and REMOVE of the items it wants and of their neighbours, the
 * handler and the pattern take the same records, and the nudge wakes the feed for every write
 * that makes a record the pattern takes (it may wake it for more: a nudge only reads the
 * stream early, the filter still decides).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import type { DynamoDBRecord } from 'aws-lambda'
import { describe, expect, it } from 'vitest'
import {
  caseKey,
  caseReferenceKey,
  caseStepMarkerKey,
  linkKey,
  mailKey,
  taskKey,
} from '../../../functions/data/keys'
import { caseStarterStream, newCaseOf } from '../../../functions/triggers/case-starter'
import { mailerStream, pendingMailIdOf } from '../../../functions/triggers/mailer'
import type { StreamConsumerSettings } from '../../../functions/triggers/stream-settings'
import { mayFeedMailer } from '../../../infra/local/mail/local-mailer'
import { compileFilterPattern } from '../../../infra/local/streams/filter-pattern'
import { mayFeedCaseStarter } from '../../../infra/local/streams/local-case-starter'

type Item = Record<string, AttributeValue>

const text = (values: Record<string, string>): Item =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { S: value }]))

/** The items the consumers want, and their neighbours: other statuses, other items of the partition, look-alike keys. */
const items: Record<string, Item> = {
  'a pending mail': text({ ...mailKey('01M'), mailId: '01M', status: 'PENDING', to: 'tksk@example.id' }),
  'a pending SMS': text({ ...mailKey('01S'), mailId: '01S', status: 'PENDING', channel: 'sms' }),
  'a sent mail': text({ ...mailKey('01M'), status: 'SENT' }),
  'a failed mail': text({ ...mailKey('01M'), status: 'FAILED' }),
  'a mail without a status': text({ ...mailKey('01M') }),
  'a mail whose status is a number': { ...text({ ...mailKey('01M') }), status: { N: '1' } },
  'a pending item keyed like a mail further in': text({ pk: 'X#MAIL#01M', sk: 'MAIL', status: 'PENDING' }),
  'a pending item keyed like a mail in lower case': text({ pk: 'mail#01M', sk: 'MAIL', status: 'PENDING' }),
  'a filed case': text({
    ...caseKey('01C'),
    caseId: '01C',
    status: 'IDENTIFICATION',
    kind: 'LAYANAN',
    intakeCorrelationId: 'corr-01C',
  }),
  'a case further on': text({ ...caseKey('01C'), caseId: '01C', status: 'ASSESSMENT' }),
  'a case without a status': text({ ...caseKey('01C'), caseId: '01C' }),
  'a step marker of a filed case': text({
    ...caseStepMarkerKey('01C', 'identify'),
    status: 'IDENTIFICATION',
  }),
  'a case reference in the first status': text({
    ...caseReferenceKey('2025-0001'),
    status: 'IDENTIFICATION',
  }),
  'a filed item keyed like a case further in': text({
    pk: 'X#CASE#01C',
    sk: 'CASE',
    status: 'IDENTIFICATION',
  }),
  'a pending task': text({ ...taskKey('01T'), status: 'PENDING' }),
  'a link': text({ ...linkKey('01L'), status: 'PENDING' }),
}

/** The same attribute values in the stream record's type (aws-lambda's). */
const asImage = (item: Item) => item as NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>

const keyOf = (item: Item): Item => ({ pk: item.pk ?? { S: '' }, ...(item.sk ? { sk: item.sk } : {}) })

interface Sample {
  name: string
  record: DynamoDBRecord
  /**
   * What the nudge middleware sees of each write that can make this record (write-nudge.ts):
   * a Put's whole item, an update's or a delete's key. An INSERT comes from a Put: our items
   * are created whole, and updates are conditional on the item (case-repository, outbox).
   */
  written: Item[]
}

const EVENTS = ['INSERT', 'MODIFY', 'REMOVE'] as const

// The main table's stream carries new images (NEW_IMAGE): a REMOVE has only the keys.
const samples: Sample[] = Object.entries(items).flatMap(([itemName, item]) =>
  EVENTS.map((eventName, index) => ({
    name: `${eventName} of ${itemName}`,
    record: {
      eventName,
      dynamodb: {
        Keys: asImage(keyOf(item)),
        ...(eventName === 'REMOVE' ? {} : { NewImage: asImage(item) }),
        SequenceNumber: String(index + 1),
      },
    },
    written: eventName === 'INSERT' ? [item] : eventName === 'MODIFY' ? [item, keyOf(item)] : [keyOf(item)],
  })),
)

interface Consumer {
  settings: StreamConsumerSettings
  handlerTakes: (record: DynamoDBRecord) => boolean
  nudges: (item: Item) => boolean
  /** What it takes, spelled out: the three forms could otherwise agree on the wrong records. */
  wants: string[]
}

const consumers: Record<string, Consumer> = {
  'the mailer': {
    settings: mailerStream,
    handlerTakes: (record) => pendingMailIdOf(record) !== undefined,
    nudges: mayFeedMailer,
    wants: [
      'INSERT of a pending mail',
      'MODIFY of a pending mail',
      'INSERT of a pending SMS',
      'MODIFY of a pending SMS',
    ],
  },
  'the case starter': {
    settings: caseStarterStream,
    handlerTakes: (record) => newCaseOf(record) !== undefined,
    nudges: mayFeedCaseStarter,
    wants: ['INSERT of a filed case'],
  },
}

describe.each(Object.entries(consumers))('%s', (_name, consumer) => {
  const matches = compileFilterPattern(consumer.settings.filter)
  const filterTakes = (sample: Sample) => matches(sample.record)

  it('takes the records it wants in its handler and in its mapping’s filter alike, and no others', () => {
    expect(samples.filter((sample) => consumer.handlerTakes(sample.record)).map((s) => s.name)).toEqual(
      consumer.wants,
    )
    expect(samples.filter(filterTakes).map((sample) => sample.name)).toEqual(consumer.wants)
  })

  it('is nudged by every write that makes a record its filter takes', () => {
    const missed = samples
      .filter(filterTakes)
      .flatMap((sample) =>
        sample.written
          .filter((item) => !consumer.nudges(item))
          .map((item) => `${sample.name}: ${JSON.stringify(item)}`),
      )
    expect(missed).toEqual([])
  })
})
