/**
 * The one way a stored item turns back into a record (issue 14 item 6): drop what is
 * storage and not record (the table key, the index entries, and the attributes an
 * aggregate names: a TTL, a token), then let the aggregate normalise what DynamoDB hands
 * back in another form (a string set as an array, an optional field of older items).
 * Each repository declares its codec once and reads every item through it.
 */

/** The main table's key and index attributes (`keys.ts` builds them); none of them is record. */
export const MAIN_TABLE_KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'] as const

export interface ItemCodecOptions<R> {
  /** Key and index attributes to drop; the main table's unless said otherwise. */
  keyAttributes?: readonly string[]
  /** Further attributes that are storage only. */
  storageOnly?: readonly string[]
  /** What the stored form needs to become the record (sets, defaults of older items). */
  normalise?: (stored: R) => R
}

export const itemCodec = <R>({
  keyAttributes = MAIN_TABLE_KEY_ATTRIBUTES,
  storageOnly = [],
  normalise = (stored) => stored,
}: ItemCodecOptions<R> = {}): ((item: Record<string, unknown>) => R) => {
  const dropped = new Set([...keyAttributes, ...storageOnly])
  return (item) =>
    normalise(Object.fromEntries(Object.entries(item).filter(([name]) => !dropped.has(name))) as R)
}
