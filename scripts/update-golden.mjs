// Regenerates test/golden/* from the current CLI: `npm run golden:update` (after a rule change).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
process.env.AGENTDOC_UPDATE_GOLDEN = '1';
const mocha = new Mocha({ reporter: 'dot', timeout: 60000 });
mocha.addFile(path.join(root, 'out/test/cli/golden.test.js'));
mocha.addFile(path.join(root, 'out/test/cli/portfolio.test.js'));
mocha.run((failures) => {
  process.exitCode = failures ? 1 : 0;
  console.log(
    failures
      ? 'golden files: some cases failed (see above)'
      : 'golden files updated in test/golden/: review the diff with git diff test/golden',
  );
});
