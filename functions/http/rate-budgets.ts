/** Per-IP budgets that several public routes share (`Route.rateBudget`, ADR 0011). */

/** The status lookup: the `/status` form and `POST /api/cases/status` draw from one budget. */
export const STATUS_RATE_BUDGET = 'status'

/** "Apakah keluarga saya KPM?" (ADR 0030): the `/cek-kpm` form and `POST /api/kpm/check` draw from one budget. */
export const KPM_CHECK_RATE_BUDGET = 'kpm-check'

/** "Pengaduan & Usulan Bansos" (ADR 0036): the `/pengaduan` form and `POST /api/bansos` draw from one budget. */
export const BANSOS_RATE_BUDGET = 'bansos'
