/** Takes `<dataDir>/platform.lock` for this process until it exits, or throws naming its holder. */
export declare const lockDataDir: (dataDir: string) => void
