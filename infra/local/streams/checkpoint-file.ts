/**
 * Where the local stream poller has got to in each shard, kept under DATA_DIR so that a
 * restarted platform goes on where it stopped instead of re-reading the whole stream.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'

const CLOSED = '<closed>'

export interface CheckpointFile {
  /** The last sequence number handled in the shard; undefined = from its start. */
  get: (shardId: string) => string | undefined
  set: (shardId: string, sequenceNumber: string | undefined) => void
  close: (shardId: string) => void
  isClosed: (shardId: string) => boolean
  save: () => Promise<void>
}

export const openCheckpointFile = (path: string): CheckpointFile => {
  let positions: Record<string, string> = {}
  try {
    positions = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>
  } catch {
    positions = {}
  }
  let dirty = false
  return {
    get: (shardId) => {
      const position = positions[shardId]
      return position === CLOSED ? undefined : position
    },
    set: (shardId, sequenceNumber) => {
      if (positions[shardId] === sequenceNumber) return
      if (sequenceNumber === undefined) delete positions[shardId]
      else positions[shardId] = sequenceNumber
      dirty = true
    },
    close: (shardId) => {
      positions[shardId] = CLOSED
      dirty = true
    },
    isClosed: (shardId) => positions[shardId] === CLOSED,
    save: async () => {
      if (!dirty) return
      dirty = false
      mkdirSync(dirname(path), { recursive: true })
      await writeFile(`${path}.tmp`, JSON.stringify(positions, null, 2))
      await rename(`${path}.tmp`, path)
    },
  }
}
