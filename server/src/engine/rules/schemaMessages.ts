import { msg } from '../l10n';
import { translatedDescription } from '../schemaData/descriptions';
import type { ErrorObject } from '../evaluation/validators';

/** Turns an ajv error into a sentence a builder understands, with the path of the offending value. */
export function describeSchemaError(error: ErrorObject, where: string): { message: string; path: string[] } {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  const name = path.length ? path.join('.') : where;
  const value = shortValue(error.data);
  const written = error.parentSchema?.['description'];
  const description = typeof written === 'string' ? quotable(written) : undefined;
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params['missingProperty']);
      return {
        message: msg('schemaMessages.missingKey', 'Missing key "{value}" in the {where}.', {
          value: [...path, missing].join('.'),
          where,
        }),
        path,
      };
    }
    case 'additionalProperties': {
      const extra = String(error.params['additionalProperty']);
      return {
        message: msg(
          'schemaMessages.unknownKeyCheckIts',
          'Unknown key "{value}" in the {where}: check its spelling against the format reference.',
          { value: [...path, extra].join('.'), where },
        ),
        path: [...path, extra],
      };
    }
    case 'enum': {
      const allowed = (error.params['allowedValues'] as unknown[]).map(String);
      return {
        message: msg('schemaMessages.notValidUse', '{value} is not a valid {name}: use {allowed}.', {
          value,
          name,
          allowed: listOr(allowed),
        }),
        path,
      };
    }
    case 'const':
      return {
        message: msg('schemaMessages.mustBeNot', '{name} must be {params}, not {value}.', {
          name,
          params: JSON.stringify(error.params['allowedValue']),
          value,
        }),
        path,
      };
    case 'type':
      return {
        message: msg('schemaMessages.shouldBeNot', '{name} should be {params}, not {data}.', {
          name,
          params: article(String(error.params['type'])),
          data: typeName(error.data),
        }),
        path,
      };
    case 'pattern':
    case 'format':
    case 'anyOf':
    case 'oneOf':
      return {
        message: msg('schemaMessages.notValid', '{value} is not a valid {name}{value2}', {
          value,
          name,
          value2: explained(description),
        }),
        path,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        message: msg('schemaMessages.it', '{name} {value} (it is {value2}).', {
          name,
          value: error.message ?? 'is out of range',
          value2: value,
        }),
        path,
      };
    case 'minLength':
      return {
        message: msg('schemaMessages.emptyTooShort', '{name} is empty or too short{value}', {
          name,
          value: explained(description),
        }),
        path,
      };
    case 'uniqueItems':
      return {
        message: msg('schemaMessages.listsSameValueTwice', '{name} lists the same value twice.', { name }),
        path,
      };
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
  const names: Record<string, () => string> = {
    string: () => msg('schemaMessages.typeString', 'text'),
    number: () => msg('schemaMessages.typeNumber', 'a number'),
    integer: () => msg('schemaMessages.typeInteger', 'a whole number'),
    boolean: () => msg('schemaMessages.typeBoolean', 'true or false'),
    object: () => msg('schemaMessages.typeObject', 'a mapping of keys'),
    array: () => msg('schemaMessages.typeArray', 'a list'),
  };
  return type
    .split(',')
    .map((part) => names[part]?.() ?? part)
    .join(msg('schemaMessages.typeOr', ' or '));
}

function listOr(values: string[]): string {
  return values.length <= 1
    ? (values[0] ?? '')
    : msg('schemaMessages.listOr', '{items} or {last}', {
        items: values.slice(0, -1).join(', '),
        last: values[values.length - 1],
      });
}

/** ": a calendar date, YYYY-MM-DD." after the value, or a full stop when the schema says nothing. */
function explained(description: string | undefined): string {
  return description ? msg('schemaMessages.explained', ': {description}', { description }) : '.';
}

/**
 * A description as it reads after a colon: translated (the translation is written that way), or
 * the English with its first letter lower-cased, but not an acronym's ("SHA-256 of the file").
 */
function quotable(description: string): string {
  const shown = translatedDescription(description);
  return shown === description ? lowerFirst(description) : shown;
}

function lowerFirst(text: string): string {
  if (/^[A-Z]{2}/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
