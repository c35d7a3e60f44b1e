import * as vscode from 'vscode';
import { acceptedArgumentTarget } from './argumentTarget';
import type { SkeletonAnswers } from '../../../server/src/protocol/types';
import { saveFile } from './saveFile';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

function slug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

async function yesNo(title: string, placeHolder: string): Promise<boolean | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('No'), value: false },
      { label: vscode.l10n.t('Yes'), value: true },
    ],
    { title, placeHolder, ignoreFocusOut: true },
  );
  return picked?.value;
}

/** Asks the questions that decide which sections and gate items apply; undefined when cancelled. */
export async function askSkeletonAnswers(): Promise<SkeletonAnswers | undefined> {
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('New agent document ({0}/{1})', 1, 6),
    prompt: vscode.l10n.t('Name of the agent, as users know it'),
    placeHolder: vscode.l10n.t('Invoice triage agent'),
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Enter a name')),
  });
  if (name === undefined) return undefined;
  const id = await vscode.window.showInputBox({
    title: vscode.l10n.t('New agent document ({0}/{1})', 2, 6),
    prompt: vscode.l10n.t('Unique id: lower-case letters, digits and -'),
    value: slug(name),
    ignoreFocusOut: true,
    validateInput: (value) =>
      ID_PATTERN.test(value)
        ? undefined
        : vscode.l10n.t('Use lower-case letters, digits and -, starting with a letter or digit'),
  });
  if (id === undefined) return undefined;
  const owner = await vscode.window.showInputBox({
    title: vscode.l10n.t('New agent document ({0}/{1})', 3, 6),
    prompt: vscode.l10n.t('The production owner: one named person, accountable after the builder moves on'),
    placeHolder: 'Jane Doe',
    ignoreFocusOut: true,
    validateInput: (value) =>
      value.trim().split(/\s+/).length >= 2 ? undefined : "Enter a person's full name, not a team or TBD",
  });
  if (owner === undefined) return undefined;
  const customerFacing = await yesNo(
    vscode.l10n.t('New agent document ({0}/{1})', 4, 6),
    vscode.l10n.t('Does its output reach customers or the public?'),
  );
  if (customerFacing === undefined) return undefined;
  const personalData = await yesNo(
    vscode.l10n.t('New agent document ({0}/{1})', 5, 6),
    vscode.l10n.t('Does it process personal data?'),
  );
  if (personalData === undefined) return undefined;
  // A declared tier below what the risk facts imply is a finding (AD358), so it is not offered.
  const minimum = customerFacing && personalData ? 3 : customerFacing || personalData ? 2 : 1;
  const tiers = [
    { label: 'tier-1', description: 'low risk: internal, no personal data', value: 'tier-1' as const, rank: 1 },
    { label: 'tier-2', description: 'moderate: customer-facing or personal data', value: 'tier-2' as const, rank: 2 },
    {
      label: 'tier-3',
      description: 'high: customer-facing with personal data, high impact, AI Act high-risk',
      value: 'tier-3' as const,
      rank: 3,
    },
  ].filter((tier) => tier.rank >= minimum);
  const tierPick = await vscode.window.showQuickPick(
    [
      {
        label: vscode.l10n.t('Derive from the risk facts'),
        description: vscode.l10n.t('recommended'),
        value: undefined,
        rank: 0,
      },
      ...tiers,
    ],
    {
      title: vscode.l10n.t('New agent document ({0}/{1})', 6, 6),
      placeHolder: vscode.l10n.t('Approval tier'),
      ignoreFocusOut: true,
    },
  );
  if (!tierPick) return undefined;
  return {
    name: name.trim(),
    id,
    owner: owner.trim(),
    customerFacing,
    personalData,
    ...(tierPick.value ? { tier: tierPick.value } : {}),
  };
}

/** Writes the skeleton next to the active file (or in the first workspace folder) and opens it. */
export async function createAgentDocument(
  skeleton: (answers: SkeletonAnswers) => Promise<string>,
  answers?: SkeletonAnswers,
  /** From a command argument: anything, checked before use (argumentTarget.ts). */
  target?: unknown,
): Promise<vscode.Uri | undefined> {
  const given =
    target === undefined
      ? undefined
      : await acceptedArgumentTarget(target, ['.agentdoc.md'], vscode.l10n.t('create the agent document'));
  if (target !== undefined && !given) return undefined;
  const chosen = answers ?? (await askSkeletonAnswers());
  if (!chosen) return undefined;
  const text = await skeleton(chosen);
  const folder =
    vscode.window.activeTextEditor?.document.uri.scheme === 'file'
      ? vscode.Uri.joinPath(vscode.window.activeTextEditor.document.uri, '..')
      : vscode.workspace.workspaceFolders?.[0]?.uri;
  let uri = given;
  if (!uri) {
    const suggested = folder ? vscode.Uri.joinPath(folder, `${chosen.id}.agentdoc.md`) : undefined;
    // Save dialogs compare the last extension only, so the filter is 'md'; the name is completed below.
    uri = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save the new agent document'),
      filters: { [vscode.l10n.t('Agent document')]: ['md'] },
      ...(suggested ? { defaultUri: suggested } : {}),
    });
    if (uri && !uri.path.toLowerCase().endsWith('.agentdoc.md'))
      uri = uri.with({ path: uri.path.replace(/(\.agent)?(\.md)?$/i, '.agentdoc.md') });
  }
  if (!uri) return undefined;
  try {
    await vscode.workspace.fs.stat(uri);
    void vscode.window.showErrorMessage(
      `${vscode.workspace.asRelativePath(uri)} already exists; agentdoc does not overwrite files.`,
    );
    return undefined;
  } catch {
    // It does not exist yet: create it.
  }
  if (!(await saveFile(uri, new TextEncoder().encode(text)))) return undefined;
  await vscode.window.showTextDocument(uri);
  return uri;
}
