// Parse a CloudFormation/SAM template with its short-form tags (!Ref, !GetAtt, !Sub, !If, ...).
import { parse, type Tags } from 'yaml';

const FUNCTIONS = ['Ref', 'GetAtt', 'Sub', 'If', 'Not', 'Equals', 'And', 'Or', 'Join', 'Select', 'Split', 'FindInMap', 'Base64', 'ImportValue', 'GetAZs', 'Cidr', 'Condition'];

const tags: Tags = FUNCTIONS.flatMap((name) => {
  const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
  const scalar = (value: string): unknown => ({ [key]: name === 'GetAtt' ? value.split('.') : value });
  return [
    { tag: `!${name}`, identify: () => false, resolve: (value: string) => scalar(value) },
    { tag: `!${name}`, collection: 'seq' as const, identify: () => false, resolve: (value: { toJSON(): unknown }) => ({ [key]: value.toJSON() }) },
    { tag: `!${name}`, collection: 'map' as const, identify: () => false, resolve: (value: { toJSON(): unknown }) => ({ [key]: value.toJSON() }) },
  ];
});

/** The template as plain JSON-shaped data (`{"Ref": ...}`, `{"Fn::GetAtt": [resource, attribute]}`). */
export function parseTemplate(text: string): Record<string, unknown> {
  return parse(text, { customTags: tags }) as Record<string, unknown>;
}

/** Every resource name a value depends on, through Ref, GetAtt and ${...} in Sub strings. */
export function referencedNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencedNames);
  if (value === null || typeof value !== 'object') return [];
  const names: string[] = [];
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'Ref' && typeof inner === 'string') names.push(inner);
    else if (key === 'Fn::GetAtt' && Array.isArray(inner)) names.push(String(inner[0]));
    else if (key === 'Fn::Sub') {
      const text = Array.isArray(inner) ? String(inner[0]) : String(inner);
      for (const [, name] of text.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z]+)?\}/g)) names.push(name!);
      names.push(...referencedNames(Array.isArray(inner) ? inner.slice(1) : []));
    } else names.push(...referencedNames(inner));
  }
  return names;
}
