/** Whether the next `npm start` runs the prebuilt bundle (ADR 0041). */
export declare const platformBundleIsCurrent: () => boolean
/** The platform's entry module: the bundle when current, else `main.ts` through tsx. */
export declare const loadPlatform: () => Promise<{ platform: typeof import('./main'); fromBundle: boolean }>
/** Builds the bundle and records its inputs. */
export declare const buildPlatformBundle: () => Promise<void>
