// Barrel of src/calibrate: re-exports only.
export {};
