/**
 * The JVM options of each test project's DynamoDB Local (ADR 0044 has the measurements).
 *
 * Its requests are short and the store is SQLite's native code, so C2's compilations do
 * not pay back within a project's run: C1 only, with the serial collector (one heap, no
 * concurrent GC threads on a 2-core machine), halved the JVM's CPU over the same files.
 * The heavy project (the verval restart's sustained 1,200-row applies) keeps the default
 * tiers: there C1-only code was slower (60.8 s against 34.6 s alone, ADR 0023) and it
 * runs alone at the end, so its speed is the run's tail.
 */
const QUICK = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC']

const BY_PROJECT: Readonly<Record<string, readonly string[]>> = {
  integration: QUICK,
  e2e: QUICK,
  'log-readers': QUICK,
  heavy: [],
}

/**
 * The options for a project; `override` (the `TKSK_TEST_JVM_FLAGS` variable, options
 * separated by spaces, empty for the JVM's defaults) replaces them to compare others.
 */
export const dynamodbJvmFlags = (projectName: string, override?: string): string[] =>
  override !== undefined ? override.split(/\s+/).filter(Boolean) : [...(BY_PROJECT[projectName] ?? [])]
