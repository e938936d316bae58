import type { Command } from '../command.js';
import { notYetBuilt } from '../not-yet.js';

export const fetchCommand: Command = {
  name: 'fetch',
  summary: 'Download StatLine tables, Leefbaarometer and boundaries into a local cache',
  help: `veerkracht fetch ...

Download open data into a read-through disk cache (needs internet).`,
  run: notYetBuilt('fetch', 3),
};
