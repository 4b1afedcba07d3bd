export {
  DEMO_TODAY,
  HISTORY_START,
  generateDemoHistory,
  type DemoOptions,
  type DemoProgress,
  type DemoSummary,
} from './generator.js';
export { Random, hashString } from './random.js';
export { formatCount, formatDuration, progressBar, progressLine, type ProgressBar } from './progress.js';
export * as referenceData from './referenceData.js';
