/**
 * The ASL definitions this DATA_DIR has already seen validated, by the hash of their text
 * (issue 20): a warm `npm start` skips asl-validator, whose schema compilation cost more
 * CPU than any other part of a start but loading the code. A changed definition has
 * another hash and is validated again.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { ValidatedDefinitions } from './definition-check'

const read = (path: string): string[] => {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
    return Array.isArray(parsed) ? parsed.filter((hash): hash is string => typeof hash === 'string') : []
  } catch {
    return [] // first start, or an unreadable file: validate everything again
  }
}

export const validatedDefinitions = (dataDir: string): ValidatedDefinitions => {
  const path = join(dataDir, 'stepfunctions', 'validated-definitions.json')
  const hashes = new Set(read(path))
  return {
    has: (hash: string): boolean => hashes.has(hash),
    add: (hash: string): void => {
      hashes.add(hash)
      mkdirSync(dirname(path), { recursive: true })
      // Written aside and renamed: platforms of other processes may read it at any moment.
      const written = `${path}.${process.pid}`
      writeFileSync(written, JSON.stringify([...hashes]))
      renameSync(written, path)
    },
  }
}
