/** The directory's refusals as the contract's errors (DESIGN §4): 409 naming the email, 400 with field paths. */
import type { AreaProblem } from '../../core/providers/provider-areas'
import { ProviderWriteRefused } from '../../data/provider-repository'
import { ConflictError, ValidationError } from '../../shared/errors'

export const areaErrors = (problems: readonly AreaProblem[]): ValidationError =>
  new ValidationError([...problems])

/** Runs a directory write, turning its refused precondition into the 409 the caller sees. */
export const refusalsAsConflicts = async (email: string, write: () => Promise<void>): Promise<void> => {
  try {
    await write()
  } catch (error) {
    if (!(error instanceof ProviderWriteRefused)) throw error
    if (error.reason === 'EMAIL_IN_USE')
      throw new ConflictError(`Email ${email} sudah dipakai penyedia lain.`, [
        { path: 'email', message: `Email ${email} sudah dipakai penyedia lain.` },
      ])
    if (error.reason === 'ID_IN_USE') throw new ConflictError('Penyedia dengan id ini sudah ada.')
    throw new ConflictError('Data penyedia baru saja diubah orang lain. Muat ulang lalu coba lagi.')
  }
}
