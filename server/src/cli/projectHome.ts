import packageJson from '../../../package.json';

/**
 * The project's public home comes from package.json and nowhere else. Until there is one, its URLs
 * are on the reserved `.invalid` domain, which marks them as placeholders: no output links to them.
 */
export function isPlaceholderUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'invalid' || host.endsWith('.invalid');
  } catch {
    return true;
  }
}

/** "https://host/owner/repo" from package.json's repository, or undefined while it is a placeholder. */
export function projectUrl(repositoryUrl: string = packageJson.repository.url): string | undefined {
  const url = repositoryUrl.replace(/^git\+/, '').replace(/\.git$/, '');
  return isPlaceholderUrl(url) ? undefined : url;
}

/** Where a rule is documented on the web (docs/rules.md in the repository), if the project has a home. */
export function ruleHelpUri(code: string, home: string | undefined = projectUrl()): string | undefined {
  return home === undefined ? undefined : `${home}/blob/main/docs/rules.md#${code.toLowerCase()}`;
}

export const TOOL_VERSION: string = packageJson.version;

/**
 * Where the tool is described: the project home, else the package's page on the npm registry (named
 * after package.json's name, so it exists as soon as the CLI can be installed from there).
 */
export function toolInformationUri(home: string | undefined = projectUrl()): string {
  return home ?? `https://www.npmjs.com/package/${packageJson.name}`;
}
