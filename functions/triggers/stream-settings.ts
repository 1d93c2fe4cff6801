/**
 * One consumer of the main table's stream as data (ADR 0018, 0050): its event source
 * mapping's batch size, retries and filter, declared once beside the handler and read by
 * both the CDK construct (infra/constructs/stream-mapping.ts) and the local feed
 * (infra/local/streams/local-stream-consumer.ts), so the two cannot drift apart.
 */

/** The rules of Lambda event filtering the patterns use: an exact string, or a string's prefix. */
export type FilterRule = string | { readonly prefix: string }

/** A Lambda event filtering pattern: each field is a nested pattern or the rules its value must meet one of. */
export interface FilterPattern {
  readonly [field: string]: FilterPattern | readonly FilterRule[]
}

export interface StreamConsumerSettings {
  /** Records handed to one invocation (the mapping's BatchSize). */
  batchSize: number
  /**
   * A failed batch is retried this many times, and no record older than this is handed
   * over; either way it goes to the on-failure destination (the mapping's
   * MaximumRetryAttempts and MaximumRecordAgeInSeconds).
   */
  retries: { attempts: number; maxRecordAgeHours: number }
  /** The records the handler is invoked with (the mapping's FilterCriteria). */
  filter: FilterPattern
}
