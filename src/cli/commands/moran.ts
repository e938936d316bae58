import type { Command } from '../command.js';
import { notYetBuilt } from '../not-yet.js';

export const moranCommand: Command = {
  name: 'moran',
  summary: 'Global Moran\'s I and local Moran (LISA) of a column on buurt polygons',
  help: `veerkracht moran FILE --column NAME [--contiguity queen|rook] [--permutations N] [--seed N] [--json]

Build contiguity weights from the polygons in FILE and compute global Moran's I (normality,
randomisation and permutation inference) and local Moran per region.

  --column NAME          property holding the value
  --contiguity KIND      queen (default) or rook
  --permutations N       permutations for pseudo p-values (default 999)
  --seed N               random seed (default 12345)
  --json                 print the result as JSON`,
  run: notYetBuilt('moran', 7),
};
