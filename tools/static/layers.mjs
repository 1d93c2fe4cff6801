// The import boundaries of functions/ (docs/architecture.md's table is the contract, ADR
// 0014): one table that eslint.config.js turns into its `no-restricted-imports` blocks and
// that test/unit/lint/layer-boundaries.test.ts checks against the docs and pair by pair.

/** The folders of functions/; `infra` (the repository's local platform) is a target only. */
export const LAYERS = [
  'core',
  'shared',
  'data',
  'mail',
  'flows',
  'http',
  'steps',
  'observability',
  'web',
  'triggers',
]
export const TARGETS = [...LAYERS, 'infra']

const STEP_LIKE = ['core', 'shared', 'data', 'mail', 'flows', 'observability', 'triggers']
const HTTP = ['core', 'shared', 'data', 'mail', 'flows', 'observability', 'web', 'triggers']

/**
 * What the files of each folder may import besides their own folder: a folder, or
 * `folder/module` for that one module of it; `types`: folders reached by type imports only.
 * `http/dev` (never deployed) is a row of its own, its blocks after http's.
 */
export const LAYER_TABLE = {
  // Rules stay pure (DESIGN §2): nothing outside core, so no clients and no clock either.
  core: { imports: [] },
  // The plumbing of every deployed function: it knows the rules' types and nothing above it.
  shared: { imports: ['core'] },
  // Repositories know records and keys, not who calls them.
  data: { imports: ['core', 'shared'] },
  // Templates compose text (escaped by web/html.ts); sending happens in flows, steps and triggers.
  mail: { imports: ['core', 'shared', 'web/html'] },
  // Use cases are called by HTTP handlers, workflow steps and triggers, never the other way round.
  flows: { imports: ['core', 'shared', 'data', 'mail', 'observability', 'web'] },
  http: { imports: HTTP },
  'http/dev': { imports: [...HTTP, 'infra'] },
  // Steps and HTTP handlers never call each other: they meet in flows. Steps render no pages.
  steps: { imports: STEP_LIKE },
  // Telemetry is plumbing: flows, steps, triggers and HTTP handlers call it, it calls none of them.
  observability: { imports: ['core', 'shared'] },
  // Views render what they are given: the records they list and the runtime's answer type.
  web: { imports: ['core', 'shared'], types: ['data', 'http'] },
  // Scheduled and Cognito-triggered functions stand where the steps stand.
  triggers: { imports: STEP_LIKE },
}

/** Rules stay pure (DESIGN §2): no AWS SDK, no CDK, no middleware in core/. */
export const CORE_FORBIDDEN_PACKAGES = ['@aws-sdk/*', 'aws-cdk-lib', 'aws-cdk-lib/*', '@middy/*']

/** How deep below its folder a file may sit and still be covered (the test checks every file is). */
export const MAX_DEPTH = 3

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/**
 * The regular expression of the relative specifiers from a file `ups` folders below
 * functions/ that reach `target`, but for the modules of it the row allows. Anchored to
 * the exact number of `../`, so `node:stream/web`, a bare `http` or `flows/mail/` seen from
 * flows/case/ never match.
 */
export const targetPattern = (target, ups, allowedModules = []) => {
  const up = `^(\\.\\./){${target === 'infra' ? ups + 1 : ups}}`
  const except = allowedModules.length > 0 ? `(?!/(${allowedModules.map(escape).join('|')})$)` : ''
  return `${up}${escape(target)}${except}(/.*)?$`
}

/** The targets a row forbids outright, each with the modules of it still allowed. */
export const forbiddenTargets = (layer) => {
  const row = LAYER_TABLE[layer]
  const own = layer.split('/')[0]
  return TARGETS.filter((target) => target !== own && !row.imports.includes(target)).map((target) => ({
    target,
    allowedModules: row.imports
      .filter((entry) => entry.startsWith(`${target}/`))
      .map((entry) => entry.slice(target.length + 1)),
    typesOnly: (row.types ?? []).includes(target),
  }))
}

/**
 * Relative specifiers in their shortest form only: the target patterns count the `../`
 * to functions/, so `../flows/../http/x`, `./../http/x`, `../../functions/http/x` or
 * `../..//http/x` reach a layer they never match. Refused in every file of functions/:
 * `./` followed by `..`, a `.` segment or an empty one after the start, `..` after a named
 * segment, and `functions/` inside the path.
 */
export const NON_NORMALISED_PATTERN =
  '^(\\./\\.\\.(/|$)|\\.\\.?/(.*/)?(\\.(/|$)|/|functions(/|$)|(?!\\.\\.?(/|$))[^/]+/\\.\\.(/|$)))'

const MESSAGE = 'This layer may not import that one (docs/architecture.md, docs/adr/0014).'
const NON_NORMALISED_MESSAGE =
  'Write the relative path in its shortest form: the layer boundaries read it (docs/architecture.md).'
const TYPES_MESSAGE = 'A view imports only types from data/ and http/ (docs/architecture.md).'

/** The flat-config blocks of every row, one per depth below the row's folder. */
export const layerBlocks = () =>
  Object.keys(LAYER_TABLE).flatMap((layer) =>
    Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => {
      const ups = layer.split('/').length + depth
      const forbidden = forbiddenTargets(layer)
      // A target reached by types only is left to typescript-eslint's rule, which can tell.
      const valueGroups = forbidden
        .filter((entry) => !entry.typesOnly)
        .map(({ target, allowedModules }) => ({
          regex: targetPattern(target, ups, allowedModules),
          message: MESSAGE,
        }))
      const packages = layer === 'core' ? [{ group: CORE_FORBIDDEN_PACKAGES, message: MESSAGE }] : []
      const typeOnly = forbidden.filter((entry) => entry.typesOnly)
      return {
        files: [`functions/${layer}/${'*/'.repeat(depth)}*.ts`],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: [
                ...valueGroups,
                ...packages,
                { regex: NON_NORMALISED_PATTERN, message: NON_NORMALISED_MESSAGE },
              ],
            },
          ],
          ...(typeOnly.length > 0
            ? {
                '@typescript-eslint/no-restricted-imports': [
                  'error',
                  {
                    patterns: typeOnly.map(({ target }) => ({
                      regex: targetPattern(target, ups),
                      allowTypeImports: true,
                      message: TYPES_MESSAGE,
                    })),
                  },
                ],
              }
            : {}),
        },
      }
    }),
  )
