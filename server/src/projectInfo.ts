import packageJson from '../../package.json';

/** Where the project lives: SARIF help links and the rule reference's links to the other docs. */
export const PROJECT_URL = packageJson.repository.url.replace(/\.git$/, '');
export const TOOL_VERSION = packageJson.version;
