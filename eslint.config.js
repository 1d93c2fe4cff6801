// One lint setup: ESLint with typescript-eslint's recommended rules (none type-aware: see the
// preserveNodeMaps block below); formatting is Prettier's
// (eslint-config-prettier turns off the rules that would fight it).
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'
import { layerBlocks } from './tools/static/layers.mjs'

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
  // The layers of functions/ (issue 14, docs/architecture.md): what each folder may import,
  // built from the one table of tools/static/layers.mjs (a view takes data/ and http/ types
  // only; nothing deployed imports the local platform, only the local-only http/dev/ may).
  ...layerBlocks(),
  prettier,
)
