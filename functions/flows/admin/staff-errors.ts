/** The admin use cases' answers to a uniqueness conflict: 409 naming what is taken. */
import { ConflictError } from '../../shared/errors'

export const usernameTaken = (username: string, path = 'username'): ConflictError =>
  new ConflictError(`Nama pengguna ${username} sudah dipakai.`, [
    { path, message: `Nama pengguna ${username} sudah dipakai.` },
  ])

export const emailTaken = (email: string, path = 'email'): ConflictError =>
  new ConflictError(`Email ${email} sudah dipakai petugas lain.`, [
    { path, message: `Email ${email} sudah dipakai petugas lain.` },
  ])

export const changedMeanwhile = (): ConflictError =>
  new ConflictError('Data petugas diubah orang lain sementara itu. Muat ulang lalu coba lagi.')
