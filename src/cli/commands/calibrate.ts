import type { Command } from '../command.js';
import { notYetBuilt } from '../not-yet.js';

export const calibrateCommand: Command = {
  name: 'calibrate',
  summary: 'Sweep thresholds and search the threshold that meets a target',
  help: `veerkracht calibrate ...

Sensitivity sweep of signal thresholds and target calibration.`,
  run: notYetBuilt('calibrate', 6),
};
