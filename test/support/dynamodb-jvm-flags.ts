/**
 * Options that only make the boot cheaper, for every project: the jar and its libraries
 * come from npm and already run with our rights, so verifying their bytecode buys nothing
 * (not verifying took a fifth off a boot: 1.46 → 1.16 s of CPU to the first answer, and a
 * run boots three); and nothing reads the hsperfdata file (jstat, jps) in a test run.
 */
const LEAN_BOOT = ['-XX:+UnlockDiagnosticVMOptions', '-XX:-BytecodeVerificationRemote', '-XX:-UsePerfData']

/**
 * The JVM options of each test project's DynamoDB Local (ADR 0044 has the measurements).
 *
 * Its requests are short and the store is SQLite's native code, so C2's compilations do
 * not pay back within a project's run: C1 only, with the serial collector (one heap, no
 * concurrent GC threads on a 2-core machine), halved the JVM's CPU over the same files.
 * With one JVM per worker (ADR 0046), C2's tiers still doubled the JVMs' CPU over the same
 * files (ADR 0044, addendum). Any other project (none today) gets the JVM's defaults.
 */
const QUICK = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', ...LEAN_BOOT]

const BY_PROJECT: Readonly<Record<string, readonly string[]>> = {
  integration: QUICK,
  e2e: QUICK,
  'log-readers': QUICK,
}

/**
 * The options for a project; `override` (the `TKSK_TEST_JVM_FLAGS` variable, options
 * separated by spaces, empty for the JVM's defaults) replaces them to compare others.
 */
export const dynamodbJvmFlags = (projectName: string, override?: string): string[] =>
  override !== undefined ? override.split(/\s+/).filter(Boolean) : [...(BY_PROJECT[projectName] ?? [])]
