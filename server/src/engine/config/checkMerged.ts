import type { SchemaSet } from '../schemaData/types';
import type { ConfigData, ConfigPath } from './merge';
import { rowSchemaProblem } from './rowSchemas';
import { describeErrors, schemaValidators } from './validate';

export interface MergedProblem {
  catalogue: 'sections' | 'gates' | 'policy';
  /** JSON pointer into the merged catalogue, mapped back to the config entry by the caller. */
  pointer: string;
  /** A config path, when the problem is known to sit there exactly. */
  path?: ConfigPath;
  message: string;
}

/**
 * The merged schema set must be as valid as the bundled one: the same meta-schemas, stage ids that
 * exist, row schemas that compile. Otherwise a config could inject gate data the engine cannot run.
 */
export function checkMerged(schemas: SchemaSet, config: ConfigData): MergedProblem[] {
  const problems: MergedProblem[] = [];
  const validators = schemaValidators();
  const check = (
    catalogue: MergedProblem['catalogue'],
    validate: typeof validators.sections,
    data: unknown,
    prefix: string,
  ): void => {
    if (validate(data)) return;
    for (const error of describeErrors(validate.errors)) {
      const inner = error.pointer.startsWith(prefix) ? error.pointer.slice(prefix.length) : error.pointer;
      problems.push({
        catalogue,
        pointer: error.pointer,
        ...(catalogue === 'policy' ? { path: ['policy'] } : {}),
        message: `${catalogue}: ${error.message.replace(`"${prefix.slice(1)}.`, '"').replace(/^"([^"]*)"/, (_m, p: string) => `"${describe(schemas, catalogue, inner, p)}"`)}`,
      });
    }
  };
  if (config.sections?.length) check('sections', validators.sections, schemas.sections, '/sections');
  if (config.gates?.length) check('gates', validators.gates, schemas.gates, '/gates');
  if (config.policy) check('policy', validators.policy, schemas.policy, '');
  const stages = new Set(schemas.gates.stages.map((stage) => stage.id));
  const stageList = [...stages].join(', ');
  (config.sections ?? []).forEach((entry, index) => {
    if (entry.requiredFrom !== undefined && !stages.has(entry.requiredFrom))
      problems.push({
        catalogue: 'sections',
        pointer: '',
        path: ['sections', index, 'requiredFrom'],
        message: `unknown stage "${entry.requiredFrom}"; use one of ${stageList}`,
      });
    (entry.tables ?? []).forEach((table, tableIndex) => {
      if (!table.rowSchema) return;
      const problem = rowSchemaProblem(table.rowSchema);
      if (problem)
        problems.push({
          catalogue: 'sections',
          pointer: '',
          path: ['sections', index, 'tables', tableIndex, 'rowSchema'],
          message: problem,
        });
    });
  });
  (config.gates ?? []).forEach((entry, index) => {
    if (entry.stage !== undefined && !stages.has(entry.stage))
      problems.push({
        catalogue: 'gates',
        pointer: '',
        path: ['gates', index, 'stage'],
        message: `unknown stage "${entry.stage}"; use one of ${stageList}`,
      });
  });
  for (const key of [
    'evalMinimumFromStage',
    'deputyFromStage',
    'responsibilitiesFromStage',
    'costFromStage',
    'modelAliasFromStage',
    'lethalTrifectaFromStage',
    'promptHashFromStage',
  ] as const) {
    const value = config.policy?.[key];
    if (value !== undefined && !stages.has(value))
      problems.push({
        catalogue: 'policy',
        pointer: '',
        path: ['policy', key],
        message: `unknown stage "${value}"; use one of ${stageList}`,
      });
  }
  return problems;
}

/** "sections/14/guidance" reads better as "section myPart: guidance". */
function describe(schemas: SchemaSet, catalogue: MergedProblem['catalogue'], inner: string, fallback: string): string {
  const parts = inner.split('/').filter(Boolean);
  if (catalogue === 'sections' && parts[0] !== undefined) {
    const id = schemas.sections.sections[Number(parts[0])]?.id ?? parts[0];
    return [`section ${id}`, ...parts.slice(1)].join('.');
  }
  if (catalogue === 'gates' && parts[0] !== undefined) {
    const gate = schemas.gates.gates[Number(parts[0])];
    const item = parts[1] === 'items' && parts[2] !== undefined ? gate?.items[Number(parts[2])] : undefined;
    return [`gate ${gate?.id ?? parts[0]}`, ...(item ? [`item ${item.id}`, ...parts.slice(3)] : parts.slice(1))].join(
      '.',
    );
  }
  return fallback;
}
