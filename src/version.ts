/** The toolkit version written into every output's provenance. Kept equal to package.json (tested). */
export const VERSION = '0.1.0';
