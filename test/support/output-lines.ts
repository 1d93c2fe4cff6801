/**
 * What a handler writes to standard output and error, as parsed JSON lines: Powertools
 * writes its log lines (errors to stderr) and embedded-metric lines there through its own
 * `Console` (not the global `console`), so a test listens on the streams themselves.
 */
import { vi } from 'vitest'

export interface OutputCapture {
  /** Every JSON line written since the capture began (other output is ignored). */
  lines: () => Record<string, unknown>[]
  /** The embedded-metric lines only: each has `_aws.CloudWatchMetrics`. */
  metricLines: () => Record<string, unknown>[]
  restore: () => void
}

const parsed = (text: string): Record<string, unknown>[] =>
  text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>]
      } catch {
        return []
      }
    })

export const captureOutput = (): OutputCapture => {
  const chunks: string[] = []
  const record = (chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
    return true
  }
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(record),
    vi.spyOn(process.stderr, 'write').mockImplementation(record),
  ]
  const lines = () => parsed(chunks.join(''))
  return {
    lines,
    metricLines: () => lines().filter((line) => typeof line._aws === 'object' && line._aws !== null),
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  }
}
