import { msg } from '../l10n';
import type { ItemResult } from '../evaluation/readiness';
import { SignerDirectory, type Signer } from '../evaluation/signers';
import type { Finding } from '../types';
import { makeFinding, type Rule, type RuleContext, type RuleInfo } from './rule';
import { joinList } from './support';

const FRAMEWORKS = ['NIST AI RMF GOVERN 2.1', 'NIST AI RMF MEASURE 1.3', 'ISO/IEC 42001 A.3.2'];

const NOT_INDEPENDENT: RuleInfo = {
  code: 'AD471',
  name: 'signoff-not-independent',
  description:
    "Gate items that need an independent sign-off (the quality bar, the owner's own appointment and training, the budget, security and red-team tests) are not signed by the owner or their deputy alone.",
  rationale:
    "Separation of duties: the owner answers for the agent's outcome, so the owner signing that the agent meets its own quality bar, or approving their own budget, is a record nobody checked. Someone who did not build or own the work signs it.",
  howToFix:
    'Have a person in one of the roles the item names (see the message) sign it, and list them under people in the front matter with that role.',
  sources: ['seed:000', 'seed:002', 'seed:003'],
  frameworks: FRAMEWORKS,
  defaultSeverity: 'stage',
};

const UNKNOWN_SIGNER: RuleInfo = {
  code: 'AD472',
  name: 'signer-role-unknown',
  description:
    'Everyone who signs a gate item has a known role: the owner, the deputy, the sponsor, a person listed under people, or a role in brackets after the name.',
  rationale:
    "A sign-off counts only if the signer may sign that item. When the document does not say what role a signer holds, a reviewer cannot tell a DPO's sign-off from anyone else's. Not knowing is not the same as being wrong, so this is a warning that does not block the stage (at most a hint for items of later stages); a sign-off by a known wrong role is AD470.",
  howToFix:
    'List the signer under people in the front matter with their roles (e.g. roles: [dpo]), or write the role in brackets after the name: "Anna Berg (DPO)".',
  sources: ['seed:000', 'seed:002'],
  frameworks: FRAMEWORKS,
  defaultSeverity: 'warning',
};

/**
 * Who signed each passed gate item, against the roles the item names for the document's tier
 * (gates.json signers, signersByTier). Three outcomes of one check: a signer without an allowed
 * role, the owner signing what must be signed independently, a signer whose role is unknown.
 */
export const signoffRoles: Rule = {
  code: 'AD470',
  name: 'signoff-wrong-role',
  description:
    'A passed gate item is signed by someone in a role that may sign it (gates.json signers: owner, DPO, legal, security, platform/SRE, business sponsor, steering committee).',
  rationale:
    'A sign-off is only evidence if the right person gave it: compliance evidence signed by the builder, or a security test signed by the owner, looks complete and is not. Each gate item names the roles that may sign it; a tier-1 agent lets the owner sign what a team can judge for itself.',
  howToFix:
    'Have a person in one of the allowed roles sign the item (the message lists them), and give them that role under people in the front matter.',
  sources: ['seed:000', 'seed:002', 'seed:003'],
  frameworks: FRAMEWORKS,
  defaultSeverity: 'stage',
  alsoReports: [NOT_INDEPENDENT, UNKNOWN_SIGNER],
  check(context) {
    const directory = new SignerDirectory(context.facts, context.model.schemas.tiers.roles ?? []);
    return context.readiness.items.flatMap((result) => roleFindings(context, directory, result));
  },
};

function roleFindings(context: RuleContext, directory: SignerDirectory, result: ItemResult): Finding[] {
  const signoff = result.signoff;
  if (result.kind !== 'gate-item' || signoff?.status !== 'pass' || result.signers.length === 0) return [];
  const due = context.ladder.due(result.gate.stage, context.stage);
  if (!due) return [];
  const signers = directory.signers(signoff.signer).filter((signer) => signer.name !== '' && signer.name !== '-');
  if (signers.length === 0) return [];
  const allowed = result.signers.map((role) => directory.roleTitle(role));
  const mayBy = msg('signoffRoles.mayBeSignedBy', '"{itemId}" may be signed by {allowed}', {
    itemId: result.item.id,
    allowed: orList(allowed),
  });
  const extra = {
    subject: { kind: 'gate-item' as const, id: result.item.id },
    ...(result.item.frameworks ? { frameworks: [...FRAMEWORKS, ...result.item.frameworks] } : {}),
  };
  if (result.item.independent && signers.every((signer) => signer.ownerSide)) {
    return [
      makeFinding(
        NOT_INDEPENDENT,
        due,
        msg(
          'signoffRoles.signedWhichNeedsSigner',
          '{signers} signed "{itemId}", which needs a signer independent of the owner: {allowed}. Have one of them sign it ({itemTitle}).',
          {
            signers: describe(signers),
            itemId: result.item.id,
            allowed: orList(allowed),
            itemTitle: result.item.title,
          },
        ),
        signoff.signerRange,
        extra,
      ),
    ];
  }
  if (signers.some((signer) => result.signers.some((role) => signer.roles.has(role)))) return [];
  // Someone whose role is not given might hold an allowed one: unknown, not wrong.
  const unknown = signers.filter((signer) => !signer.known);
  if (unknown.length) {
    return [
      makeFinding(
        UNKNOWN_SIGNER,
        // A fixed severity: it never blocks, and it is no louder than the item's own timing.
        due.severity === 'error' ? 'warning' : due.severity,
        msg(
          'signoffRoles.roleNotKnownSo',
          'The role of {unknown} is not known, so the sign-off of "{itemId}" cannot be checked: {mayBy}. List the signer under people with their roles, or write the role in brackets after the name.',
          { unknown: describe(unknown), itemId: result.item.id, mayBy },
        ),
        signoff.signerRange,
        extra,
      ),
    ];
  }
  return [
    makeFinding(
      signoffRoles,
      due,
      msg(
        'signoffRoles.signedAsHaveOne',
        '{signers} signed "{itemId}" as {roles}; {mayBy}. Have one of them sign it ({itemTitle}), or correct the signer\'s roles under people.',
        {
          signers: describe(signers),
          itemId: result.item.id,
          roles: orList(rolesOf(directory, signers)),
          mayBy,
          itemTitle: result.item.title,
        },
      ),
      signoff.signerRange,
      extra,
    ),
  ];
}

function describe(signers: readonly Signer[]): string {
  return joinList(signers.map((signer) => `"${signer.name}"`));
}

function rolesOf(directory: SignerDirectory, signers: readonly Signer[]): string[] {
  const roles = [...new Set(signers.flatMap((signer) => [...signer.roles]))].map((id) => directory.roleTitle(id));
  return roles.length ? roles : [msg('signoffRoles.roleNotGiven', 'someone whose role is not given')];
}

export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return msg('signoffRoles.listOr', '{items} or {last}', {
    items: items.slice(0, -1).join(', '),
    last: items[items.length - 1],
  });
}
