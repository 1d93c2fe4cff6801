/** The repository's root, from this file's place in it: tests that read files do not depend on the cwd vitest was started from. */
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '')
