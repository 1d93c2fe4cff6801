// `npm run lint:cycles`: the circular-import check of `npm run static` on its own, for a
// developer who runs `npm run lint` without the type check. Only the repository's own files
// are parsed: the graph resolves each import itself, so neither the libraries' declarations
// nor a type check are needed.
import path from 'node:path'
import process from 'node:process'
import ts from 'typescript'
import { checkCycles } from './cycles.mjs'

const root = path.resolve(import.meta.dirname, '../..')
const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), undefined, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
    throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
  },
})
const program = ts.createProgram({
  rootNames: config.fileNames,
  options: { ...config.options, noResolve: true, noLib: true, types: [] },
})
process.exitCode = checkCycles(program, root) ? 0 : 1
