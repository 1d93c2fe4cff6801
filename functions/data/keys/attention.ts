/**
 * NEEDS_ATTENTION (issue 17, ADR 0025): one list item per case or batch whose workflow
 * halted on a failed step, written and deleted with the marker on the item itself; what
 * a kabupaten's Dinsos lists and retries, a kecamatan's by prefix.
 */
import { kabupatenBucket, type Key } from './key'
import { keyShapes } from './shapes'

const { attention } = keyShapes
export const attentionKey = (area: string, at: string, kind: string, id: string): Key =>
  attention.items.entry.key({ kabupaten: kabupatenBucket(area), area, at, kind, id })
export const attentionQuery = (kabupaten: string, kecamatan?: string) => ({
  pk: attention.items.entry.pk.format({ kabupaten }),
  skPrefix: attention.items.entry.sk.prefix(kecamatan ? { area: kecamatan } : {}),
})
