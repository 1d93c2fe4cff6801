// Circular imports among the repository's own modules, read from the TypeScript program the
// static checks already built (docs/adr/0047): the same meaning as `madge --circular` had —
// every import counts, type-only ones, re-exports, dynamic imports and `import('…')` types
// too — without a second parse of every file.
import path from 'node:path'
import process from 'node:process'
import ts from 'typescript'

/** The folders whose modules may not import each other in a circle (ADR 0021). */
const CYCLE_ROOTS = ['functions', 'infra', 'workflows']

/** The module specifiers a file names, in source order. */
function specifiers(sourceFile) {
  const found = []
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteralLike(node.moduleSpecifier)) found.push(node.moduleSpecifier.text)
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteralLike(node.moduleReference.expression)
    ) {
      found.push(node.moduleReference.expression.text)
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text)
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteralLike(node.argument.literal)
    ) {
      found.push(node.argument.literal.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(sourceFile)
  return found
}

/**
 * The import graph of the program's files under `roots` (folders, absolute) and of the
 * repository files they reach: file name → the files it imports. Packages are left out.
 */
export function importGraph(program, roots) {
  const options = program.getCompilerOptions()
  const host = ts.createCompilerHost(options)
  const cache = ts.createModuleResolutionCache(
    program.getCurrentDirectory(),
    host.getCanonicalFileName,
    options,
  )
  const under = (fileName) =>
    roots.some((root) => fileName.startsWith(root + path.sep) || fileName.startsWith(root + '/'))
  const graph = new Map()
  const pending = program
    .getSourceFiles()
    .filter((file) => !program.isSourceFileFromExternalLibrary(file) && under(path.resolve(file.fileName)))
  while (pending.length > 0) {
    const file = pending.pop()
    if (graph.has(file.fileName)) continue
    const targets = []
    for (const specifier of specifiers(file)) {
      const { resolvedModule } = ts.resolveModuleName(specifier, file.fileName, options, host, cache)
      if (!resolvedModule || resolvedModule.isExternalLibraryImport) continue
      const target = resolvedModule.resolvedFileName
      if (!targets.includes(target)) targets.push(target)
      const targetFile = program.getSourceFile(target)
      if (targetFile && !graph.has(target)) pending.push(targetFile)
    }
    graph.set(file.fileName, targets)
  }
  return graph
}

/**
 * Every cycle a depth-first walk meets, as madge reports them: the files on the walk's path
 * from the first file of the cycle to the one that imports it again.
 */
export function findCycles(graph) {
  const cycles = []
  const resolved = new Set()
  const onPath = []
  const visit = (file) => {
    onPath.push(file)
    for (const target of graph.get(file) ?? []) {
      if (resolved.has(target)) continue
      const at = onPath.indexOf(target)
      if (at >= 0) cycles.push(onPath.slice(at))
      else visit(target)
    }
    onPath.pop()
    resolved.add(file)
  }
  for (const file of [...graph.keys()].sort()) if (!resolved.has(file)) visit(file)
  return cycles
}

/** madge's report: a count, then each cycle as `a.ts > b.ts`, paths relative to `cwd`. */
export function formatCycles(cycles, cwd) {
  if (cycles.length === 0) return '✔ No circular dependency found!\n'
  const noun = cycles.length === 1 ? 'dependency' : 'dependencies'
  const lines = cycles.map(
    (cycle, index) => `${index + 1}) ${cycle.map((file) => path.relative(cwd, file)).join(' > ')}`,
  )
  return `✖ Found ${cycles.length} circular ${noun}!\n\n${lines.join('\n')}\n`
}

/** The check itself: prints madge's report for the program's files under the cycle roots; true when there is no cycle. */
export function checkCycles(program, root) {
  const cycles = findCycles(
    importGraph(
      program,
      CYCLE_ROOTS.map((folder) => path.join(root, folder)),
    ),
  )
  process.stdout.write(formatCycles(cycles, root))
  return cycles.length === 0
}
