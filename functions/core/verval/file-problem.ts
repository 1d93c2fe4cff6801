/** Why a verval file cannot be read at all (as opposed to rows with errors): a 400 with this message. */
export type FileProblemCode = 'EMPTY' | 'HEADER' | 'TOO_MANY_ROWS' | 'ENCODING' | 'MALFORMED'

export class VervalFileError extends Error {
  constructor(
    readonly code: FileProblemCode,
    message: string,
  ) {
    super(message)
    this.name = 'VervalFileError'
  }
}
