// Barrel of src/demo: re-exports only.
export {};
