// One-off helper (kept for those converting messages that arrive later): turns string and template
// literals in makeFinding(..., message, ...), fix `title:` and `message:` properties into
// msg('<module>.<slug>', '<English with {placeholders}>', { placeholders }).
// Usage: node scripts/l10n-codemod.cjs file.ts...   Prints expressions with English inside to review.
const ts = require('typescript');
const fs = require('fs');
const path = require('path');

const GENERIC = new Set(['text', 'name', 'id', 'title', 'value', 'length', 'code', 'path', 'label', 'kind']);

function quote(s) {
  return "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'";
}
function camel(words) {
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join('');
}
function nameFor(expr, sf) {
  if (ts.isIdentifier(expr)) return expr.text;
  if (ts.isPropertyAccessExpression(expr)) {
    const last = expr.name.text;
    if (last === 'length') return 'count';
    if (GENERIC.has(last)) {
      const inner = expr.expression;
      const prev = ts.isPropertyAccessExpression(inner) ? inner.name.text : ts.isIdentifier(inner) ? inner.text : '';
      if (prev && prev !== 'this') return prev + last[0].toUpperCase() + last.slice(1);
    }
    return last;
  }
  if (ts.isCallExpression(expr)) {
    if (
      ts.isPropertyAccessExpression(expr.expression) &&
      ['join', 'toLowerCase', 'toLocaleString', 'trim', 'toString'].includes(expr.expression.name.text)
    )
      return nameFor(expr.expression.expression, sf);
    if (expr.arguments.length === 1) return nameFor(expr.arguments[0], sf);
    return 'value';
  }
  if (ts.isParenthesizedExpression(expr)) return nameFor(expr.expression, sf);
  if (ts.isElementAccessExpression(expr)) return nameFor(expr.expression, sf);
  return 'value';
}
function hasEnglish(expr) {
  let found = false;
  const visit = (n) => {
    if (
      (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) &&
      /[A-Za-z]{2,}/.test(n.text) &&
      / /.test(n.text)
    )
      found = true;
    if (ts.isTemplateExpression(n)) {
      const parts = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join('');
      if (/[A-Za-z]{3,}/.test(parts)) found = true;
    }
    ts.forEachChild(n, visit);
  };
  visit(expr);
  return found;
}

for (const file of process.argv.slice(2)) {
  const source = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const prefix = path.basename(file, '.ts');
  const slugs = new Map(); // slug -> template
  for (const m of source.matchAll(/msg\(\s*'[^.']+\.([A-Za-z0-9]+)',\s*'((?:[^'\\]|\\.)*)'/g)) slugs.set(m[1], m[2]);
  const edits = [];
  const convert = (lit) => {
    let template = '';
    const args = [];
    const byText = new Map();
    if (ts.isStringLiteral(lit) || ts.isNoSubstitutionTemplateLiteral(lit)) template = lit.text;
    else {
      template = lit.head.text;
      for (const span of lit.templateSpans) {
        const exprText = span.expression.getText(sf);
        let name = byText.get(exprText);
        if (!name) {
          name = nameFor(span.expression, sf);
          let n = name,
            i = 2;
          while (args.some((a) => a.name === n)) n = name + i++;
          name = n;
          byText.set(exprText, name);
          args.push({ name, exprText });
          if (hasEnglish(span.expression))
            console.log(
              `${file}:${sf.getLineAndCharacterOfPosition(span.expression.getStart()).line + 1}: English inside {${name}}: ${exprText}`,
            );
        }
        template += `{${name}}` + span.literal.text;
      }
    }
    if (!/[A-Za-z]{2,}/.test(template.replace(/\{[A-Za-z0-9]+\}/g, ''))) return; // no words: nothing to translate
    const words = template.replace(/\{[^}]*\}/g, ' ').match(/[A-Za-z]+/g) || ['text'];
    const stop = new Set([
      'the',
      'a',
      'an',
      'is',
      'of',
      'to',
      'in',
      'for',
      'and',
      'or',
      'has',
      'are',
      'on',
      'with',
      'this',
    ]);
    let slug = camel(words.filter((w) => !stop.has(w.toLowerCase())).slice(0, 4)) || 'text';
    let unique = slug,
      i = 2;
    while (slugs.has(unique) && slugs.get(unique) !== template) unique = slug + i++;
    slugs.set(unique, template);
    const argText = args.length
      ? ', { ' + args.map((a) => (a.name === a.exprText ? a.name : `${a.name}: ${a.exprText}`)).join(', ') + ' }'
      : '';
    edits.push({
      start: lit.getStart(sf),
      end: lit.getEnd(),
      text: `msg(${quote(prefix + '.' + unique)}, ${quote(template)}${argText})`,
    });
  };
  const isLiteral = (n) =>
    n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n));
  // A literal, or each literal branch of a conditional (a ? `x` : `y`).
  const convertAll = (n) => {
    if (!n) return;
    if (ts.isParenthesizedExpression(n)) return convertAll(n.expression);
    if (ts.isConditionalExpression(n)) return (convertAll(n.whenTrue), convertAll(n.whenFalse));
    if (isLiteral(n)) convert(n);
  };
  const TEXT_VARIABLES = new Set([
    'message',
    'problem',
    'title',
    'count',
    'reason',
    'detail',
    'why',
    'what',
    'words',
    'where',
    'basis',
    'advice',
    'more',
    'state',
    'direction',
  ]);
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'makeFinding') {
      convertAll(node.arguments[2]);
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && TEXT_VARIABLES.has(node.name.text))
      convertAll(node.initializer);
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
      const key = node.name.text;
      const siblings = ts.isObjectLiteralExpression(node.parent)
        ? node.parent.properties.map((p) => p.name && p.name.getText(sf))
        : [];
      if (
        key === 'message' ||
        (key === 'title' &&
          (siblings.includes('insertions') ||
            siblings.includes('safe') ||
            (siblings.includes('start') && siblings.includes('text'))))
      )
        convertAll(node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (!edits.length) continue;
  edits.sort((a, b) => b.start - a.start);
  let out = source;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  if (!/import \{[^}]*\bmsg\b[^}]*\} from '[./]*l10n'/.test(out)) {
    let rel = path.relative(path.dirname(file), 'server/src/engine/l10n').replace(/\\/g, '/');
    if (!rel.startsWith('.')) rel = './' + rel;
    out = `import { msg } from '${rel}';\n` + out;
  }
  fs.writeFileSync(file, out);
  console.error(`${file}: ${edits.length} texts`);
}
