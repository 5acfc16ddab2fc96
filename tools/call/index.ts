// The call simulator's library API (the CLI is cli.ts). A dev tool: nothing under shared/ or
// functions/ imports it, so it never reaches a Worker or Lambda bundle.
export { simulateCall } from './simulate.js';
export { transcript, stepLine } from './report/transcript.js';
export { mismatches, readScenarios, runScenarioFile, type Expectations, type Scenario, type ScenarioResult } from './report/scenarios.js';
export { callSummary, runWeek, type Week, type WeekRow } from './report/week.js';
export { simulateAtValue } from './command/when.js';
export { callOptionsFrom, envTokens, readConnectTo, UsageError, type CallFlags } from './command/options.js';
export type { CallOptions, CallTrace, DialAnswer, KazooVersion, Outcome, Step } from './types.js';
