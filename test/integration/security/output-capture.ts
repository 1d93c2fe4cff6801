/**
 * What the PII tests grep: every log line the in-process platform writes (stdout and
 * stderr teed while the capture runs) and every mail in the local outbox, MIME-decoded.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Tees stdout and stderr into `lines` until `stop()`; the output still reaches the terminal. */
export const captureLogs = () => {
  const lines: string[] = []
  const originalStdout = process.stdout.write.bind(process.stdout)
  const originalStderr = process.stderr.write.bind(process.stderr)
  const tee =
    (original: typeof process.stdout.write) =>
    (chunk: unknown, ...rest: unknown[]): boolean => {
      lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'))
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest)
    }
  process.stdout.write = tee(originalStdout) as typeof process.stdout.write
  process.stderr.write = tee(originalStderr) as typeof process.stderr.write
  return {
    lines,
    stop: () => {
      process.stdout.write = originalStdout
      process.stderr.write = originalStderr
    },
  }
}

/** Mail bodies may be quoted-printable or base64: the text decoded both ways as well as raw. */
export const decodedMime = (eml: string): string => {
  const qp = eml
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  const base64 = (eml.match(/(?:^[A-Za-z0-9+/=]{16,}\r?\n)+/gm) ?? [])
    .map((block) => Buffer.from(block.replace(/\s+/g, ''), 'base64').toString('utf8'))
    .join('\n')
  return [eml, Buffer.from(qp, 'latin1').toString('utf8'), base64].join('\n')
}

/** Every file of the outbox of `dataDir` (`.eml` decoded), named `outbox/<file>`. */
export const outboxFiles = (dataDir: string): { source: string; text: string }[] => {
  const outbox = join(dataDir, 'outbox')
  const mails = readdirSync(outbox).map((name) => {
    const text = readFileSync(join(outbox, name), 'utf8')
    return { source: `outbox/${name}`, text: name.endsWith('.eml') ? decodedMime(text) : text }
  })
  // The residents' SMS (ADR 0028) are outgoing text too.
  const smsOutbox = join(dataDir, 'sms-outbox')
  const sms = existsSync(smsOutbox)
    ? readdirSync(smsOutbox).map((name) => ({
        source: `sms-outbox/${name}`,
        text: readFileSync(join(smsOutbox, name), 'utf8'),
      }))
    : []
  return [...mails, ...sms]
}
