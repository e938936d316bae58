// Barrel of src/spatial: re-exports only.
export {};
