/**
 * Per-DATA_DIR secrets of the local platform: the local JWT signing key and the NIK
 * pepper (on AWS both live in Secrets Manager). Created on first start, kept after.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface LocalSecrets {
  jwtSecret: string
  nikPepper: string
}

export const loadOrCreateSecrets = (dataDir: string): LocalSecrets => {
  const file = join(dataDir, 'secrets.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets
  mkdirSync(dataDir, { recursive: true })
  const secrets: LocalSecrets = {
    jwtSecret: randomBytes(32).toString('hex'),
    nikPepper: randomBytes(32).toString('hex'),
  }
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}
