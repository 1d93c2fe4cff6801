/**
 * The unit files of a worker share their modules and their process (vitest.config.ts,
 * `isolate: false`). Each file leaves the worker as it found it: the environment
 * variables it set, stubbed globals and fake timers end with the file. A file that mocks
 * a module or an AWS client undoes that itself (vi.doUnmock, restore), next to the mock.
 */
import { afterAll, vi } from 'vitest'

const environment = { ...process.env }

afterAll(() => {
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
  vi.useRealTimers()
  for (const name of Object.keys(process.env)) if (!(name in environment)) delete process.env[name]
  Object.assign(process.env, environment)
})
