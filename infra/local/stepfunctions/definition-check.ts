/**
 * Checking a definition before it runs: its placeholders bound, its ASL validated once per
 * text. Apart from the service so the test run's global setup can validate the workflows
 * (ADR 0022) without loading the service, whose imports set up the local invocation
 * scope: that puts `AWS_LAMBDA_MAX_CONCURRENCY` in the environment, which vitest's
 * workers inherit without the InvokeStore Powertools then asks for.
 */
import { createHash } from 'node:crypto'
import { StateMachine } from 'aws-local-stepfunctions'

/**
 * Definitions (by the hash of their text) validated in this process: each platform a test
 * file starts registers the same definitions again, and asl-validator cost 0.5 s of CPU
 * per start (issue 14 item 8). A definition that fails validation is never added.
 */
const validatedInProcess = new Set<string>()

/** Where definitions already validated are remembered beyond this process (`validated-definitions.ts`). */
export interface ValidatedDefinitions {
  has(hash: string): boolean
  add(hash: string): void
}

/**
 * Validates a definition's text (placeholders bound) with the library's validator
 * (asl-validator), unless this process or `validated` has seen the same text pass. The
 * validator builds and compiles its JSON schemas afresh on every call (about 0.3 s of CPU
 * a definition), so the test run validates once before its workers start (ADR 0022).
 */
export const validateDefinition = (text: string, validated?: ValidatedDefinitions): object => {
  const parsed = JSON.parse(text) as object
  const hash = createHash('sha256').update(text).digest('hex')
  if (!validatedInProcess.has(hash) && !validated?.has(hash)) {
    // On a copy, because asl-validator annotates the states it checks.
    new StateMachine(structuredClone(parsed) as never, {
      validationOptions: { checkArn: false, checkPaths: true },
    })
  }
  validatedInProcess.add(hash)
  if (!validated?.has(hash)) validated?.add(hash)
  return parsed
}

/** Binds a definition's `${…}` placeholders; one left unbound throws. */
export const substitute = (text: string, substitutions: Record<string, string>): string => {
  const result = text.replace(
    /\$\{([^}]+)\}/g,
    (placeholder, key: string) => substitutions[key] ?? placeholder,
  )
  const missing = result.match(/\$\{[^}]+\}/)
  if (missing) throw new Error(`no substitution for ${missing[0]}`)
  return result
}
