/** `DATA_DIR` of the local platform (DESIGN §2); the dev resource only exists there. */
export const localDataDir = (): string => process.env.DATA_DIR ?? '.data'
