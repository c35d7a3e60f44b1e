import { frontMatterMissing } from './frontMatterMissing';
import { frontMatterSchema } from './frontMatterSchema';
import { gateItems } from './gateItems';
import type { Rule } from './rule';
import { sectionDuplicate, sectionEmpty, sectionPlaceholder } from './sectionContent';
import { sectionMissing } from './sectionMissing';
import { tableCellInvalid, tableColumnMissing, tableMissing } from './tables';
import { yamlSyntax } from './yamlSyntax';

/** Every rule, in the order their findings are listed. Adding a check means adding a module here. */
export const allRules: readonly Rule[] = [
  yamlSyntax,
  frontMatterMissing,
  frontMatterSchema,
  sectionMissing,
  sectionEmpty,
  sectionPlaceholder,
  sectionDuplicate,
  tableMissing,
  tableColumnMissing,
  tableCellInvalid,
  gateItems,
];
