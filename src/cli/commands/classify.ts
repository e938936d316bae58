import type { Command } from '../command.js';
import { notYetBuilt } from '../not-yet.js';

export const classifyCommand: Command = {
  name: 'classify',
  summary: 'Classify a column with a mapclassify-style scheme, with fit measures and legend',
  help: `veerkracht classify FILE --column NAME --scheme NAME [--k N] [--bins LIST] [--json]

Classify the values of one column (bins are upper bounds, right-closed) and report the
bins, counts per class, ADCM, GADF, TSS, legend and the missing values.

  --column NAME   column to classify
  --scheme NAME   quantiles, equal_interval, fisher_jenks, std_mean, maximum_breaks,
                  head_tail_breaks, box_plot, percentiles, pretty, user_defined, natural_breaks
  --k N           number of classes (default 5)
  --bins LIST     comma-separated upper bounds for user_defined
  --json          print the result as JSON`,
  run: notYetBuilt('classify', 6),
};
