import { isPlaceholderValue } from '../model/values';
import type { GateItemSpec, RoleSpec } from '../schemaData/types';
import type { Facts } from './facts';

/**
 * Who may sign a gate item, and who signed it. The roles are data (tiers.json roles, gates.json
 * signers); people carry them through the front matter: owner.name and owner.deputy are the owner,
 * sponsor is the business sponsor, and `people` lists everyone else with their roles.
 */

/** Role ids that may sign an item at the document's tier; empty when the item names none. */
export function signerRoles(item: GateItemSpec, tierId: string | undefined): string[] {
  return (tierId !== undefined ? item.signersByTier?.[tierId] : undefined) ?? item.signers ?? [];
}

/** One person (or body) named in a Signed off by cell. */
export interface Signer {
  /** As written, e.g. "Anna Berg (DPO)". */
  text: string;
  /** The name without what is in brackets. */
  name: string;
  roles: ReadonlySet<string>;
  /** The front matter lists them, or the cell names a role: their roles are known. */
  known: boolean;
  /** The owner or their deputy: not independent of the owner's own work. */
  ownerSide: boolean;
}

interface Person {
  roles: Set<string>;
  ownerSide: boolean;
}

/** The people the front matter names, by normalised name. */
export class SignerDirectory {
  private readonly people = new Map<string, Person>();

  constructor(
    facts: Facts,
    private readonly roles: readonly RoleSpec[],
  ) {
    this.add(facts.get('fm.owner.name'), ['owner'], true);
    this.add(facts.get('fm.owner.deputy'), ['owner'], true);
    this.add(facts.get('fm.sponsor'), ['sponsor'], false);
    const listed = facts.get('fm.people');
    if (Array.isArray(listed)) {
      for (const entry of listed) {
        if (!entry || typeof entry !== 'object') continue;
        const record = entry as Record<string, unknown>;
        const roles = Array.isArray(record['roles']) ? record['roles'].filter((r) => typeof r === 'string') : [];
        this.add(record['name'], roles as string[], false);
      }
    }
  }

  /** The signers a cell names: "Priya Raman and Maria Lindqvist" is two. */
  signers(cell: string): Signer[] {
    return splitSigners(cell).map((text) => this.signer(text));
  }

  roleTitle(id: string): string {
    return this.roles.find((role) => role.id === id)?.title ?? id;
  }

  private signer(text: string): Signer {
    const name = nameOf(text);
    const person = this.people.get(normalise(name));
    if (person) return { text, name, roles: person.roles, known: true, ownerSide: person.ownerSide };
    // Someone the front matter does not list: a role in brackets ("Lukas Meier (platform)"), or a
    // body named by its role ("Finance steering committee"), says what they sign as.
    const bracket = /\(([^)]*)\)/.exec(text)?.[1];
    const roles = this.rolesNamedIn((bracket ?? text).toLowerCase());
    return { text, name, roles, known: roles.size > 0, ownerSide: false };
  }

  private rolesNamedIn(text: string): Set<string> {
    const found = new Set<string>();
    for (const role of this.roles) {
      const words = [role.id, role.title.toLowerCase(), ...(role.aliases ?? [])];
      if (words.some((word) => containsWord(text, word.toLowerCase()))) found.add(role.id);
    }
    return found;
  }

  private add(value: unknown, roles: readonly string[], ownerSide: boolean): void {
    if (typeof value !== 'string' || isPlaceholderValue(value)) return;
    const key = normalise(nameOf(value));
    if (key === '') return;
    const person = this.people.get(key) ?? { roles: new Set<string>(), ownerSide: false };
    for (const role of roles) person.roles.add(role);
    person.ownerSide ||= ownerSide;
    this.people.set(key, person);
  }
}

function nameOf(text: string): string {
  return text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[`*_]/g, '')
    .trim();
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

function containsWord(text: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return false;
    const before = at === 0 ? '' : text[at - 1]!;
    const after = text[at + word.length] ?? '';
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
    from = at + 1;
  }
}

/** Splits on commas, semicolons, "and", "&" and "+", but not inside brackets. */
export function splitSigners(cell: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  const flush = (): void => {
    if (current.trim() !== '') parts.push(current.trim());
    current = '';
  };
  for (let i = 0; i < cell.length; i++) {
    const char = cell[i]!;
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === ',' || char === ';' || char === '&' || char === '+')) {
      flush();
      continue;
    }
    if (depth === 0 && /\sand\s/i.test(cell.slice(i, i + 5)) && /\s/.test(char)) {
      flush();
      i += 4;
      continue;
    }
    current += char;
  }
  flush();
  return parts;
}

const SIGNER_CODES = new Set(['AD470', 'AD471', 'AD472']);

/**
 * Whether the item still waits for a sign-off by one of its roles: it needs one and has no pass,
 * or its pass was given by someone who may not sign it (AD470-AD472 about it).
 */
export function awaitsSignoff(
  item: { item: GateItemSpec; status: string; signoff?: { status: string }; signers: readonly string[] },
  findingCodes: readonly string[],
): boolean {
  if (item.signers.length === 0 || item.status === 'met' || item.status === 'waived') return false;
  if (findingCodes.some((code) => SIGNER_CODES.has(code))) return true;
  return item.item.signoff === true && item.signoff?.status !== 'pass';
}

/** Role ids as readers name them: "DPO or legal". */
export function roleTitles(ids: readonly string[], roles: readonly RoleSpec[]): string {
  const titles = ids.map((id) => roles.find((role) => role.id === id)?.title ?? id);
  if (titles.length <= 1) return titles[0] ?? '';
  return `${titles.slice(0, -1).join(', ')} or ${titles[titles.length - 1]}`;
}
