// Public API of veerkracht, the package root (`import … from 'veerkracht'`; notebooks import this
// file as `import * as vk from './src/index'`): re-exports only, an explicit list sized to its
// users: what the notebooks, the README examples and tests/packaging/pack-install.test.ts use,
// plus the types those functions take and return. Everything else is public through the layer
// sub-paths of package.json (`veerkracht/classify`, `veerkracht/spatial`, …: the barrels
// src/<layer>/index.ts). tests/packaging/root-api.test.ts keeps this list and its users in step
// and the list under its stated bound; adding a name here is a decision, not a side effect.

// Version and the errors a user can catch (util has no sub-path, so the root is their home)
export { VERSION } from './version.js';
export { VeerkrachtError, isUserError, showValue, type InputLocation } from './util/errors.js';

// Geometry: boundary features, dissolving, simplifying for drawing
export { dissolve, simplifyForDrawing, type RegionFeature } from './geo/index.js';

// Regions: region codes, matching with a report, crosswalks between indelingen
export { gemeenteOf, matchCodes, buildCrosswalk, crosswalkTable, type Crosswalk, type MatchReport } from './regions/index.js';

// Load: read and describe KWB, Leefbaarometer, boundary and microdata files
export {
  readAnyTable,
  describeTable,
  resolveConcept,
  selectConcepts,
  readBoundaries,
  loadLeefbaarometer,
  loadMicrodata,
  deriveMicrodataShares,
  microdataK,
  type LoadedTable,
  type Boundaries,
  type LeefbaarometerTable,
} from './sources/index.js';

// Load corporation data: stock and lettings, placed on buurten through PC6 addresses
export {
  loadBezit,
  loadVerhuringen,
  loadPc6Table,
  createAddressLookup,
  placeBezit,
  placeVerhuringen,
  aggregateCorporatie,
  woningenPerBuurt,
  type AddressLookup,
  type PlacedBezit,
  type CorporatieBalance,
} from './sources/index.js';

// Indicators: K, O, C per year on one indeling, re-indeling, changes t0 → t1, lettings
export {
  kwbIndicatorYear,
  attachLivability,
  reindel,
  buurtChanges,
  REDENEN_ONVOLDOENDE,
  numbers,
  wilsonInterval,
  CORPORATIE_KLASSEN,
  corporatieKlasse,
  DEFAULT_KWETSBAAR,
  classifyLettings,
  describeKwetsbaar,
  type IndicatorYear,
  type KwetsbaarRule,
} from './indicators/index.js';

// Classify: schemes, describing a distribution, comparing schemes by fit
export { classify, describe, compareSchemes, bestScheme, type Classification, type ClassifyOptions, type SchemeName } from './classify/index.js';

// Spatial: Moran's I and LISA, spatial lag
export {
  moranAnalysis,
  spatialLag,
  LISA_CLUSTERS,
  LISA_CLUSTER_LABELS,
  type MoranAnalysis,
  type MoranAnalysisOptions,
  type LisaCluster,
} from './spatial/index.js';

// Signals: categories per buurt, focus, Matrix handelingskaders, counts and summaries
export {
  assignSignals,
  SIGNAL_CATEGORIES,
  SIGNAL_LABELS,
  changeDirection,
  FOCUS_CATEGORIES,
  FOCUS_LABELS,
  handelingskader,
  countByCategory,
  countByFocus,
  countReasons,
  summariseGemeenten,
  summariseCorporatie,
  type SignalCategory,
  type SignalParams,
  type FocusCategory,
  type HandelingsMatrix,
  type CategoryCounts,
} from './signal/index.js';

// Calibrate: threshold sweeps, targets, rules and their stability
export {
  gridRange,
  sweepThresholds,
  countsAt,
  calibrateTarget,
  sdRule,
  bootstrapStability,
  leaveOneGemeenteOut,
  sweepHeatmapSpec,
  type CalibrationInput,
  type Sweep,
  type ThresholdRule,
  type TargetSpec,
  type TargetResult,
} from './calibrate/index.js';

// Run layer: configuration, the whole job, its steps, its summary and its output set (the export)
export {
  demoConfig,
  loadRunConfig,
  parseRunConfig,
  runJob,
  runPipeline,
  computeSignals,
  runFigures,
  periodLabel,
  buildSummary,
  writeRunOutputs,
  type RunConfig,
  type ThresholdSpec,
  type RunTables,
  type RunSettings,
  type SignalResult,
  type RunFigures,
} from './run/index.js';

// Maps and charts: Vega-Lite specs, class scales, rendering to PNG
export {
  mapSpec,
  choroplethSpec,
  signalMapSpec,
  lisaMapSpec,
  smallMultiplesSpec,
  prepareGeometry,
  histogramSpec,
  boxPlotSpec,
  signalScatterSpec,
  moranScatterSpec,
  standardise,
  sensitivitySpec,
  divergingClasses,
  classIndex,
  renderPng,
  type VegaLiteSpec,
  type MapOptions,
  type MapGeometry,
  type ChoroplethOptions,
} from './viz/index.js';

// Tables and numbers in Dutch for notebooks
export {
  formatNumberNl,
  markdownNl,
  loadsTable,
  joinReportTable,
  inputsTable,
  warningsTable,
  countsTable,
  summaryTable,
  type NlTableOptions,
} from './viz/index.js';
