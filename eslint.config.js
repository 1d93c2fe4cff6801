// One lint setup: ESLint with typescript-eslint's recommended rules (none type-aware: see the
// preserveNodeMaps block below); formatting is Prettier's
// (eslint-config-prettier turns off the rules that would fight it).
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

/** Import patterns (gitignore syntax, matched against the specifier) that reach these folders. */
const layers = (...folders) => folders.flatMap((folder) => [`**/${folder}`, `**/${folder}/*`])
/** Each block lists every pattern its files must avoid: a later flat-config block replaces an earlier one's options. */
const layerRules = (byFiles) =>
  Object.entries(byFiles).map(([files, patterns]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: patterns, message: 'This layer may not import that one (docs/adr/0014).' }],
        },
      ],
    },
  }))

// zod's named `z` (or default) export is its whole export object, locales included, which no
// bundler can shake: one such import put ~360 KB into every Lambda reaching it. The
// namespace import keeps only what the code uses (docs/adr/0013).
const zodNamespaceImport = {
  selector:
    "ImportDeclaration[source.value='zod'][importKind!='type'] > :matches(ImportSpecifier[importKind!='type'], ImportDefaultSpecifier)",
  message: "Import zod as a namespace: import * as z from 'zod' (docs/adr/0013, bundle size).",
}
// A DynamoDB key is spelled only in the keys module (functions/data/keys.ts and keys/,
// ADR 0021): a string, template part or regular expression that starts with `NAME#`
// anywhere else, or a template part `#NAME` right after an interpolation (`${id}#CASE`), is
// a key (or a key's part) spelled by hand, which the declared shapes and their tests never
// see. test/unit/lint/key-spelling.test.ts holds samples of both verdicts.
const keySpelledByHand = {
  selector: [
    'Literal[value=/^[A-Z][A-Z0-9_]*#/]',
    'Literal[regex.pattern=/^\\^?[A-Z][A-Z0-9_]*#/]',
    'TemplateElement[value.raw=/^[A-Z][A-Z0-9_]*#/]',
    'TemplateElement[value.raw=/^#[A-Z][A-Z0-9_]*(#|$)/]',
  ].join(', '),
  message:
    'Spell DynamoDB keys only in the keys module: use (or add) a helper of functions/data/keys (ADR 0021).',
}

// Dates are written TTTT-BB-HH (tahun-bulan-hari) and months TTTT-BB in everything a person
// reads (hints, messages): staff forms once said YYYY-MM-DD where the public form said
// TTTT-BB-HH. The English letters stay only where no person reads them: the text of an
// OpenAPI `.describe()` itself (not the chain it ends) and the text of a built-in
// `Error`/`RangeError`/`TypeError` (an app error's message reaches people). test/unit/lint/date-format-words.test.ts holds
// samples of both verdicts.
const englishDateFormat = {
  selector:
    ":matches(Literal[value=/YYYY/], TemplateElement[value.raw=/YYYY/]):not(CallExpression[callee.property.name='describe'] > Literal, CallExpression[callee.property.name='describe'] > TemplateLiteral > TemplateElement, NewExpression[callee.name=/^(Range|Type)?Error$/] *)",
  message: 'Write a date format in Bahasa Indonesia: TTTT-BB-HH (or TTTT-BB for a month).',
}

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', 'coverage/', 'test/e2e/screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // No rule here reads TypeScript's own nodes (no type-aware rules), so the parser need not
    // map every ESTree node to one: ~1.5 of ESLint's ~16 CPU-s (docs/adr/0047). A type-aware
    // rule needs this line removed.
    languageOptions: { parserOptions: { preserveNodeMaps: false } },
  },
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // Deployed code only (the local platform and tests are never bundled into a Lambda).
    files: ['functions/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', zodNamespaceImport, keySpelledByHand, englishDateFormat] },
  },
  // The stacks and the local platform reach the tables too (IAM patterns, local services).
  // Tests spell the keys they expect on purpose, so they are not in here.
  {
    files: ['infra/**/*.ts', 'infra/**/*.mjs'],
    rules: { 'no-restricted-syntax': ['error', keySpelledByHand] },
  },
  // A later block's options replace an earlier one's: the keys module keeps all but the key rule.
  {
    files: ['functions/data/keys.ts', 'functions/data/keys/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', zodNamespaceImport, englishDateFormat] },
  },
  // The layers of functions/ (issue 14, docs/adr): what each folder may import. Nothing
  // deployed imports the local platform (infra/); only the local-only dev resource may.
  ...layerRules({
    'functions/**/*.ts': layers('infra'),
    // Rules stay pure (DESIGN §2): no AWS SDK, no middleware, nothing outside core (so no
    // clients and no clock either: they come in as arguments).
    'functions/core/**/*.ts': [
      ...layers(
        'shared',
        'data',
        'flows',
        'steps',
        'http',
        'web',
        'mail',
        'triggers',
        'observability',
        'infra',
      ),
      '@aws-sdk/*',
      'aws-cdk-lib',
      'aws-cdk-lib/*',
      '@middy/*',
    ],
    // Repositories know records and keys, not who calls them.
    'functions/data/**/*.ts': layers(
      'http',
      'web',
      'flows',
      'steps',
      'mail',
      'triggers',
      'observability',
      'infra',
    ),
    // Use cases are called by HTTP handlers and workflow steps, never the other way round.
    'functions/flows/**/*.ts': layers('http', 'steps', 'triggers', 'infra'),
    // Templates compose text; sending (and reading what to send) happens in flows and steps.
    'functions/mail/**/*.ts': layers('http', 'steps', 'flows', 'data', 'triggers', 'observability', 'infra'),
    // The plumbing of every deployed function: it knows the rules' types and nothing above it.
    'functions/shared/**/*.ts': layers(
      'data',
      'flows',
      'steps',
      'http',
      'web',
      'mail',
      'triggers',
      'observability',
      'infra',
    ),
    // Views render what they are given: data/ and http/runtime reach them as types only (below).
    'functions/web/**/*.ts': layers('flows', 'steps', 'mail', 'triggers', 'observability', 'infra'),
    // Scheduled and Cognito-triggered functions stand where the steps stand.
    'functions/triggers/**/*.ts': layers('http', 'web', 'infra'),
    // Telemetry is plumbing: flows, steps and HTTP handlers call it, it calls none of them.
    'functions/observability/**/*.ts': layers(
      'data',
      'flows',
      'steps',
      'http',
      'web',
      'mail',
      'triggers',
      'infra',
    ),
    // Steps and HTTP handlers never call each other: they meet in flows. Steps render no pages.
    'functions/steps/**/*.ts': layers('http', 'web', 'infra'),
    'functions/http/**/*.ts': layers('steps', 'infra'),
    'functions/http/dev/**/*.ts': layers('steps'),
  }),
  {
    // A view takes the records it shows and the answer type it returns, never the code.
    files: ['functions/web/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: layers('data', 'http'),
              allowTypeImports: true,
              message: 'A view imports only types from data/ and http/ (docs/architecture.md).',
            },
          ],
        },
      ],
    },
  },
  prettier,
)
