// The VeerkrachtError a call throws, for tests of user errors: anything else (another error, or no
// error at all) fails the test.
import { VeerkrachtError } from '../../src/util/errors.js';

/** The VeerkrachtError that `f` throws; anything else (or nothing) fails the test. */
export function thrown(f: () => unknown): VeerkrachtError {
  try {
    f();
  } catch (e) {
    if (e instanceof VeerkrachtError) return e;
    throw e;
  }
  throw new Error('expected a VeerkrachtError');
}

/** The VeerkrachtError that `p` rejects with; anything else (or resolving) fails the test. */
export async function thrownAsync(p: Promise<unknown>): Promise<VeerkrachtError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof VeerkrachtError) return e;
    throw e;
  }
  throw new Error('expected a VeerkrachtError');
}
