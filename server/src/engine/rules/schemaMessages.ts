import type { ErrorObject } from '../evaluation/validators';

/** Turns an ajv error into a sentence a builder understands, with the path of the offending value. */
export function describeSchemaError(error: ErrorObject, where: string): { message: string; path: string[] } {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  const name = path.length ? path.join('.') : where;
  const value = shortValue(error.data);
  const description =
    typeof error.parentSchema?.['description'] === 'string' ? (error.parentSchema['description'] as string) : undefined;
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params['missingProperty']);
      return { message: `Missing key "${[...path, missing].join('.')}" in the ${where}.`, path };
    }
    case 'additionalProperties': {
      const extra = String(error.params['additionalProperty']);
      return {
        message: `Unknown key "${[...path, extra].join('.')}" in the ${where}: check its spelling against the format reference.`,
        path: [...path, extra],
      };
    }
    case 'enum': {
      const allowed = (error.params['allowedValues'] as unknown[]).map(String);
      return { message: `${value} is not a valid ${name}: use ${listOr(allowed)}.`, path };
    }
    case 'const':
      return { message: `${name} must be ${JSON.stringify(error.params['allowedValue'])}, not ${value}.`, path };
    case 'type':
      return {
        message: `${name} should be ${article(String(error.params['type']))}, not ${typeName(error.data)}.`,
        path,
      };
    case 'pattern':
    case 'format':
      return { message: `${value} is not a valid ${name}${description ? `: ${lowerFirst(description)}` : '.'}`, path };
    case 'anyOf':
    case 'oneOf':
      return { message: `${value} is not a valid ${name}${description ? `: ${lowerFirst(description)}` : '.'}`, path };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { message: `${name} ${error.message ?? 'is out of range'} (it is ${value}).`, path };
    case 'minLength':
      return { message: `${name} is empty or too short${description ? `: ${lowerFirst(description)}` : '.'}`, path };
    case 'uniqueItems':
      return { message: `${name} lists the same value twice.`, path };
    default:
      return { message: `${name} ${error.message ?? 'is not valid'}.`, path };
  }
}

function shortValue(data: unknown): string {
  const text = typeof data === 'string' ? `"${data}"` : (JSON.stringify(data) ?? String(data));
  return text.length > 60 ? `${text.slice(0, 58)}…"` : text;
}

function typeName(data: unknown): string {
  if (data === null) return 'empty';
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a mapping';
  return `${article(typeof data)} (${shortValue(data)})`;
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    object: 'a mapping of keys',
    array: 'a list',
  };
  return type
    .split(',')
    .map((part) => names[part] ?? part)
    .join(' or ');
}

function listOr(values: string[]): string {
  return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** Lower-cases a description's first letter, but not an acronym's ("SHA-256 of the file"). */
function lowerFirst(text: string): string {
  if (/^[A-Z]{2}/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
