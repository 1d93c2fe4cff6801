/**
 * Per-DATA_DIR secrets of the local platform: the NIK pepper (on AWS it lives in Secrets
 * Manager). Created on first start, kept after. Sessions need no signing key: they are
 * server-side items behind random tokens (ADR 0011); an older `secrets.json` with a
 * `jwtSecret` still loads.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface LocalSecrets {
  nikPepper: string
}

export const loadOrCreateSecrets = (dataDir: string): LocalSecrets => {
  const file = join(dataDir, 'secrets.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets
  mkdirSync(dataDir, { recursive: true })
  const secrets: LocalSecrets = {
    nikPepper: randomBytes(32).toString('hex'),
  }
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}
