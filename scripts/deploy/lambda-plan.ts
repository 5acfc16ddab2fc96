// The `sam deploy --parameter-overrides` that carry `.env` to the four Lambda functions. The
// variable -> parameter map is read from template.yaml itself (Globals: VAR: !Ref Param), so a
// variable wired there flows through without an edit here.
import { readFileSync } from 'node:fs';
import { parseTemplate } from './cfn-yaml.js';
import { isSecret, preflight, root, type Settings } from './settings.js';

interface TemplateParameter {
  readonly Type?: string;
  readonly Default?: string | number;
  readonly AllowedPattern?: string;
  readonly AllowedValues?: readonly (string | number)[];
  readonly ConstraintDescription?: string;
  readonly NoEcho?: boolean;
}
interface Template {
  readonly Parameters: Record<string, TemplateParameter>;
  readonly Globals: { readonly Function: { readonly Environment: { readonly Variables: Record<string, unknown> } } };
}

/** Sibling addresses on Lambda come from the template (Function URLs), never from `.env`. */
const WIRED_BY_TEMPLATE = /^(FRONT_DESK|COLLECTED|GATHERED|RECORDINGS)_URL$/;

export function readTemplate(text = readFileSync(`${root}template.yaml`, 'utf8')): Template {
  return parseTemplate(text) as unknown as Template;
}

/** The parameter a function variable is set from: the one `{ Ref: Param }` in its value (`!If` branches included). */
function parameterOf(value: unknown, parameters: Record<string, unknown>): string | undefined {
  if (Array.isArray(value)) return value.map((item) => parameterOf(item, parameters)).find((found) => found !== undefined);
  if (value === null || typeof value !== 'object') return undefined;
  const ref = (value as { Ref?: unknown }).Ref;
  if (typeof ref === 'string' && ref in parameters) return ref;
  return Object.values(value).map((inner) => parameterOf(inner, parameters)).find((found) => found !== undefined);
}

/** Variable -> template parameter, for every variable the template sets from a parameter. */
export function parameterMap(template: Template): Map<string, string> {
  const map = new Map<string, string>();
  for (const [variable, value] of Object.entries(template.Globals.Function.Environment.Variables)) {
    const parameter = parameterOf(value, template.Parameters);
    if (parameter !== undefined) map.set(variable, parameter);
  }
  return map;
}

/** Why CloudFormation would refuse `value` for `parameter`, or undefined when it accepts it. */
export function refusal(parameter: TemplateParameter, value: string): string | undefined {
  const expected = parameter.ConstraintDescription;
  if (parameter.AllowedValues !== undefined && !parameter.AllowedValues.map(String).includes(value)) {
    return `expected one of ${parameter.AllowedValues.join(', ')}`;
  }
  // CloudFormation matches the whole value (Java's matches()).
  if (parameter.AllowedPattern !== undefined && !new RegExp(`^(?:${parameter.AllowedPattern})$`).test(value)) {
    return `expected ${expected ?? `a value matching ${parameter.AllowedPattern}`}`;
  }
  return undefined;
}

/** One `Key="value"` the way SAM CLI's parameter-override parser reads it back unchanged. */
function samPair(parameter: string, value: string): string {
  return `${parameter}="${value.replace(/"/g, '\\"')}"`;
}

export interface LambdaPlan {
  /** Parameter -> value, every parameter the template sets a variable from. */
  readonly overrides: ReadonlyMap<string, string>;
  /** The one `--parameter-overrides` argument for sam deploy. */
  readonly argument: string;
  readonly lines: readonly string[];
  readonly errors: readonly string[];
  readonly notes: readonly string[];
}

/**
 * Every parameter that sets a variable gets the `.env` value, or its template default when the
 * variable is unset there, so removing a line from `.env` resets it on the next deploy too.
 */
export function planLambda(settings: Settings, template: Template = readTemplate()): LambdaPlan {
  const map = parameterMap(template);
  const deployed = Object.fromEntries([...settings.push].filter(([name]) => !WIRED_BY_TEMPLATE.test(name)));
  const { report, errors, notes } = preflight(settings, deployed);
  const overrides = new Map<string, string>();
  for (const [variable, parameter] of map) {
    const value = deployed[variable] ?? String(template.Parameters[parameter]?.Default ?? '');
    overrides.set(parameter, value);
    const why = refusal(template.Parameters[parameter] ?? {}, value);
    if (why !== undefined) errors.push(`error: ${variable}${isSecret(variable) ? '' : `=${JSON.stringify(value)}`}: template.yaml's ${parameter} ${why}`);
    // SAM CLI unescapes only \" \' and "\ ": a backslash could not arrive unchanged.
    if (value.includes('\\')) errors.push(`error: ${variable}: sam deploy cannot pass a backslash (\\) through --parameter-overrides unchanged; remove it`);
  }
  for (const variable of Object.keys(deployed)) {
    if (!map.has(variable)) errors.push(`error: ${variable} is set in ${settings.file} but template.yaml has no parameter for it: add one (Parameters, and the variable under Globals) or remove it`);
  }
  for (const variable of settings.push.keys()) {
    if (WIRED_BY_TEMPLATE.test(variable)) notes.push(`note: ${variable} is not deployed to Lambda: the template hands each function its siblings' Function URLs`);
  }
  const lines = [...report.lines, '', 'sam deploy --parameter-overrides:'];
  for (const [variable, parameter] of map) {
    const hidden = isSecret(variable) || template.Parameters[parameter]?.NoEcho === true;
    lines.push(`  ${parameter}=${hidden ? '(value not shown)' : JSON.stringify(overrides.get(parameter))}  (${variable})`);
  }
  const argument = [...overrides].map(([parameter, value]) => samPair(parameter, value)).join(' ');
  return { overrides, argument, lines, errors, notes };
}
