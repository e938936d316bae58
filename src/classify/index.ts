// Barrel of src/classify: re-exports only.
export {};
