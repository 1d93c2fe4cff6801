import type ts from 'typescript'

/** The import graph of the program's files under `roots` and of the repository files they reach. */
export declare function importGraph(program: ts.Program, roots: string[]): Map<string, string[]>
/** Every cycle a depth-first walk meets, as madge reports them. */
export declare function findCycles(graph: Map<string, string[]>): string[][]
/** madge's report: a count, then each cycle as `a.ts > b.ts`, paths relative to `cwd`. */
export declare function formatCycles(cycles: string[][], cwd: string): string
/** Prints the report for the program's files under functions, infra and workflows; true when there is no cycle. */
export declare function checkCycles(program: ts.Program, root: string): boolean
