export interface LayerRow {
  imports: readonly string[]
  types?: readonly string[]
}
export declare const LAYERS: readonly string[]
export declare const TARGETS: readonly string[]
/** What the files of each folder may import besides their own folder (docs/architecture.md). */
export declare const LAYER_TABLE: Readonly<Record<string, LayerRow>>
export declare const CORE_FORBIDDEN_PACKAGES: readonly string[]
export declare const MAX_DEPTH: number
/** The regular expression of the relative specifiers reaching `target` from `ups` folders below functions/. */
export declare function targetPattern(target: string, ups: number, allowedModules?: readonly string[]): string
export declare function forbiddenTargets(
  layer: string,
): { target: string; allowedModules: string[]; typesOnly: boolean }[]
export declare function layerBlocks(): object[]
