import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { bundledSchemas } from '../../server/src/engine';
import { schemaDescriptionTexts } from '../../server/src/engine/schemaData/descriptions';

/** One catalogued text: its id, the English template, and where it is defined. */
export interface SourceText {
  id: string;
  en: string;
  where: string;
}

export const ENGINE_DIR = path.resolve(__dirname, '../../../server/src/engine');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((match) => match[1]!))].sort();
}

/**
 * Every msg('id', 'English', { args }) call in the engine, read with the TypeScript parser: the id
 * and the template must be literals (so they can be catalogued) and the args must be exactly the
 * template's placeholders. Problems come back as text, one per call.
 */
export function engineTexts(dir = ENGINE_DIR): { texts: SourceText[]; problems: string[] } {
  const texts: SourceText[] = [];
  const problems: string[] = [];
  for (const file of sourceFiles(dir)) {
    if (file.includes(`${path.sep}l10n${path.sep}`)) continue;
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      const callee = ts.isCallExpression(node) && ts.isIdentifier(node.expression) ? node.expression.text : '';
      if (ts.isCallExpression(node) && (callee === 'msg' || callee === 'matchesMsg')) {
        const where = `${path.relative(dir, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        const [id, en, args] = callee === 'msg' ? node.arguments : [node.arguments[1], node.arguments[2], undefined];
        const literal = (arg: ts.Expression | undefined): arg is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
          arg !== undefined && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg));
        if (!literal(id) || !literal(en)) {
          problems.push(`${where}: msg() needs a literal id and a literal English template`);
        } else {
          texts.push({ id: id.text, en: en.text, where });
          const expected = placeholders(en.text);
          if (callee === 'matchesMsg') {
            // Recognises a text msg() makes: the same id must carry the same English (checked below).
          } else if (args === undefined) {
            if (expected.length) problems.push(`${where}: ${id.text} has placeholders but no arguments`);
          } else if (ts.isObjectLiteralExpression(args)) {
            const given = args.properties.map((property) => property.name?.getText(source) ?? '?').sort();
            if (given.join() !== expected.join())
              problems.push(
                `${where}: ${id.text} passes {${given.join(', ')}} for placeholders {${expected.join(', ')}}`,
              );
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  const byId = new Map<string, SourceText>();
  for (const text of texts) {
    const earlier = byId.get(text.id);
    if (earlier && earlier.en !== text.en)
      problems.push(`${text.where}: id ${text.id} is used for two texts (also ${earlier.where})`);
    byId.set(text.id, earlier ?? text);
  }
  return { texts: [...byId.values()], problems };
}

/** The guidance from schemas/ that the engine shows through schemaText(); keys as it builds them. */
export function schemaTexts(): SourceText[] {
  const texts: SourceText[] = [];
  for (const gate of bundledSchemas.gates.gates) {
    for (const item of gate.items) {
      texts.push({ id: `schema:gates.${item.id}.title`, en: item.title, where: 'schemas/gates.json' });
      texts.push({ id: `schema:gates.${item.id}.hint`, en: item.hint, where: 'schemas/gates.json' });
    }
  }
  for (const section of bundledSchemas.sections.sections) {
    texts.push({ id: `schema:sections.${section.id}.why`, en: section.guidance.why, where: 'schemas/sections.json' });
  }
  for (const text of schemaDescriptionTexts())
    texts.push({ ...text, where: 'a description in schemas/ (frontmatter.schema.json, sections.json rowSchema)' });
  return texts;
}

/** Everything a language's catalogue must translate. */
export function allTexts(): { texts: SourceText[]; problems: string[] } {
  const engine = engineTexts();
  return { texts: [...engine.texts, ...schemaTexts()], problems: engine.problems };
}
