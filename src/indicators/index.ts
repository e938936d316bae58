// Barrel of src/indicators: re-exports only.
export {};
