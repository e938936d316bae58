/**
 * Dutch number formatting for every figure: decimal comma and thousands dot (d3-format locale
 * definition), used by the Node renderer per view and by the offline HTML page.
 */

/** d3-format locale definition for nl-NL. */
export const NL_NUMBER_LOCALE = { decimal: ',', thousands: '.', grouping: [3], currency: ['€ ', ''] };
