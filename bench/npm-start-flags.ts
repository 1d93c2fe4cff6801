/**
 * The node options `npm start` runs the platform with (`scripts.start` of package.json,
 * e.g. the V8 heap cap of ADR 0043), so the bench's server process is sized as a person's
 * `npm start` is: one place says them, the bench reads them.
 */
import { readFileSync } from 'node:fs'

/** The `--` options between `node` and the entry file of a `[exec] node … entry` script. */
export const nodeFlagsOf = (script: string): string[] => {
  const words = script.trim().split(/\s+/)
  const node = words.indexOf('node')
  if (node < 0) return []
  const flags: string[] = []
  for (const word of words.slice(node + 1)) {
    if (!word.startsWith('--')) break
    flags.push(word)
  }
  return flags
}

export const npmStartNodeFlags = (packageJsonPath = 'package.json'): string[] => {
  const { scripts } = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { scripts?: { start?: string } }
  return nodeFlagsOf(scripts?.start ?? '')
}
