const ts = require('typescript'); const fs = require('fs');
for (const file of process.argv.slice(2)) {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const visit = (n) => {
    if (ts.isCallExpression(n) && n.expression.getText(sf) === 'msg' && n.arguments[2] && ts.isObjectLiteralExpression(n.arguments[2])) {
      for (const p of n.arguments[2].properties) {
        let eng = false;
        const v = (m) => { if (ts.isCallExpression(m) && m.expression.getText(sf) === 'msg') return;
          if ((ts.isStringLiteral(m) || ts.isNoSubstitutionTemplateLiteral(m) || ts.isTemplateHead(m) || ts.isTemplateMiddle(m) || ts.isTemplateTail(m)) && /[A-Za-z]/.test(m.text)) eng = true;
          ts.forEachChild(m, v); };
        if (ts.isPropertyAssignment(p)) v(p.initializer);
        if (eng || /^value\d*$/.test(p.name.getText(sf))) console.log(`${file}:${sf.getLineAndCharacterOfPosition(p.getStart()).line + 1}: ${eng ? 'ENGLISH ' : ''}${p.getText(sf).replace(/\s+/g, ' ').slice(0, 140)}`);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}
