/**
 * Which package version an MCP server's launch command pins. Only the command line is read:
 * nothing is resolved, installed or run. `undefined` means the command runs local code (a script
 * in the repository, a binary on the machine), whose version the repository itself pins.
 */
export interface PackagePin {
  /** npm, PyPI or container image reference as written. */
  reference: string;
  /** The exact version or digest, or undefined when the command takes whatever is newest. */
  version: string | undefined;
}

const EXACT_VERSION = /^v?\d+(\.\d+){1,3}([-+][\w.-]+)?$/;
const NPM_RUNNERS = new Set(['npx', 'bunx', 'pnpx']);
const DLX_RUNNERS = new Set(['pnpm', 'yarn', 'bun']);
const PY_RUNNERS = new Set(['uvx', 'pipx']);
/** docker/podman run options that take a value in the next argument. */
const DOCKER_VALUE_OPTIONS = new Set([
  '-e',
  '--env',
  '-v',
  '--volume',
  '--name',
  '--network',
  '--net',
  '-p',
  '--publish',
  '--mount',
  '-w',
  '--workdir',
  '-u',
  '--user',
  '--entrypoint',
  '--env-file',
  '--platform',
  '-l',
  '--label',
  '--cpus',
  '-m',
  '--memory',
  '--pull',
  '--add-host',
  '--cap-add',
  '--cap-drop',
  '--security-opt',
  '--tmpfs',
  '-h',
  '--hostname',
  '--dns',
  '--restart',
]);

export function packagePin(command: string, args: readonly string[]): PackagePin | undefined {
  const program =
    command
      .replace(/\\/g, '/')
      .split('/')
      .pop()
      ?.replace(/\.(cmd|exe)$/i, '')
      .toLowerCase() ?? '';
  const rest = [...args];
  if (DLX_RUNNERS.has(program)) {
    if (rest[0] !== 'dlx') return undefined;
    rest.shift();
  }
  if (NPM_RUNNERS.has(program) || DLX_RUNNERS.has(program)) {
    const name = firstOperand(rest, new Set(['-p', '--package']));
    return name === undefined ? undefined : npmPin(name);
  }
  if (PY_RUNNERS.has(program) || (program === 'uv' && rest[0] === 'tool' && rest[1] === 'run')) {
    if (program === 'uv') rest.splice(0, 2);
    if (program === 'pipx' && rest[0] === 'run') rest.shift();
    const from = rest.indexOf('--from');
    const name = from >= 0 ? rest[from + 1] : firstOperand(rest, new Set(['--python', '--with']));
    return name === undefined ? undefined : pythonPin(name);
  }
  if ((program === 'docker' || program === 'podman') && rest[0] === 'run') {
    const image = firstOperand(rest.slice(1), DOCKER_VALUE_OPTIONS);
    return image === undefined ? undefined : imagePin(image);
  }
  return undefined;
}

/** The first argument that is not an option nor an option's value. */
function firstOperand(args: readonly string[], valueOptions: ReadonlySet<string>): string | undefined {
  for (let at = 0; at < args.length; at++) {
    const arg = args[at] ?? '';
    if (arg === '--') return args[at + 1];
    if (arg.startsWith('-')) {
      if (valueOptions.has(arg)) at++;
      continue;
    }
    return arg;
  }
  return undefined;
}

export function npmPin(spec: string): PackagePin {
  const at = spec.lastIndexOf('@');
  if (at <= 0) return { reference: spec, version: undefined };
  const version = spec.slice(at + 1);
  return { reference: spec.slice(0, at), version: EXACT_VERSION.test(version) ? version : undefined };
}

function pythonPin(spec: string): PackagePin {
  const match = /^([A-Za-z0-9_.\-[\]]+?)\s*(==|@)\s*(\S+)$/.exec(spec);
  if (!match) return { reference: spec, version: undefined };
  const version = match[3] ?? '';
  return { reference: match[1] ?? spec, version: EXACT_VERSION.test(version) ? version : undefined };
}

export function imagePin(image: string): PackagePin {
  const digest = image.indexOf('@sha256:');
  if (digest >= 0) return { reference: image.slice(0, digest), version: image.slice(digest + 1) };
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  if (colon <= slash) return { reference: image, version: undefined };
  const tag = image.slice(colon + 1);
  return { reference: image.slice(0, colon), version: tag === 'latest' || tag === '' ? undefined : tag };
}

/** A documented version that pins nothing: empty, "latest", a range. */
export function isExactPin(text: string): boolean {
  const plain = text.replace(/`/g, '').trim();
  if (/^sha256:[0-9a-f]{64}$/i.test(plain)) return true;
  const version = plain.includes('@')
    ? plain.slice(plain.lastIndexOf('@') + 1)
    : plain.includes(':')
      ? plain.slice(plain.lastIndexOf(':') + 1)
      : plain;
  if (/^sha256:/i.test(version) || /^[0-9a-f]{64}$/i.test(version)) return true;
  return EXACT_VERSION.test(version);
}

/** The version part of a documented pin ("@scope/pkg@1.2.3" → "1.2.3", "1.2.3" → "1.2.3"). */
export function documentedVersion(text: string): string {
  const plain = text.replace(/`/g, '').trim();
  const digest = /sha256:[0-9a-f]+/i.exec(plain);
  if (digest) return digest[0].toLowerCase();
  const at = plain.lastIndexOf('@');
  const candidate =
    at > 0
      ? plain.slice(at + 1)
      : plain.includes(':') && !/^v?\d/.test(plain)
        ? plain.slice(plain.lastIndexOf(':') + 1)
        : plain;
  return candidate.replace(/^v(?=\d)/, '');
}
