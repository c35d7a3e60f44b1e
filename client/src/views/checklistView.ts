import * as vscode from 'vscode';
import type { ChecklistGate, ChecklistItem, ReadinessView } from '../../../server/src/protocol/types';
import { STATUS_ICON, STATUS_LABEL } from './icons';
import { sourceLinkMarkdown } from '../../../server/src/protocol/sourceLink';

type Node =
  | { kind: 'summary'; view: ReadinessView }
  | { kind: 'gate'; view: ReadinessView; gate: ChecklistGate }
  | { kind: 'item'; view: ReadinessView; gate: ChecklistGate; item: ChecklistItem };

/**
 * The readiness checklist of the active agent doc, grouped by gate in stage order. All data comes
 * from the server's agentdoc/readiness request; this class only lays it out.
 */
export class ChecklistView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private view: ReadinessView | null = null;

  constructor(private readonly load: (uri: string) => Promise<ReadinessView | null>) {}

  get current(): ReadinessView | null {
    return this.view;
  }

  async refresh(uri: string | undefined): Promise<void> {
    this.view = uri ? await this.load(uri).catch(() => null) : null;
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    const view = this.view;
    if (!view) return [];
    if (!node) return [{ kind: 'summary', view }, ...view.gates.map((gate): Node => ({ kind: 'gate', view, gate }))];
    if (node.kind === 'gate')
      return node.gate.items.map((item): Node => ({ kind: 'item', view, gate: node.gate, item }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'summary') {
      const { verdict } = node.view;
      const item = new vscode.TreeItem(verdict.phrase, vscode.TreeItemCollapsibleState.None);
      item.description = node.view.tier ?? '';
      item.iconPath = new vscode.ThemeIcon('checklist');
      item.tooltip = vscode.l10n.t(
        '{0}: {1}. {2}, {3}.',
        node.view.name ?? vscode.l10n.t('Agent'),
        verdict.phrase,
        verdict.errors === 1 ? vscode.l10n.t('{0} error', 1) : vscode.l10n.t('{0} errors', verdict.errors),
        verdict.warnings === 1 ? vscode.l10n.t('{0} warning', 1) : vscode.l10n.t('{0} warnings', verdict.warnings),
      );
      item.contextValue = 'summary';
      return item;
    }
    if (node.kind === 'gate') {
      const open = node.gate.items.filter((item) => item.status !== 'met' && item.status !== 'waived').length;
      const blocking = node.view.verdict.blockedStage?.id === node.gate.stage;
      const item = new vscode.TreeItem(
        `${node.gate.stageTitle}: ${node.gate.title}`,
        blocking || open > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
      );
      // Requirements, not findings: the verdict above counts findings, and one finding (a missing
      // front-matter block) can stand for several requirements, so the two must not share a word.
      const total = node.gate.items.length;
      item.description = open
        ? total === 1
          ? vscode.l10n.t('1 requirement open')
          : vscode.l10n.t('{0} of {1} requirements open', open, total)
        : total === 1
          ? vscode.l10n.t('1 requirement met')
          : vscode.l10n.t('all {0} requirements met', total);
      item.iconPath = new vscode.ThemeIcon(open ? 'milestone' : 'pass');
      // The row is cut at the default sidebar width; the tooltip has it all.
      item.tooltip = `${node.gate.stageTitle}: ${node.gate.title} — ${item.description}`;
      item.contextValue = 'gate';
      return item;
    }
    const { item: check } = node;
    const item = new vscode.TreeItem(check.title, vscode.TreeItemCollapsibleState.None);
    // Who must still sign shows next to the status, so a reviewer sees their own items at a glance.
    item.description = check.awaitingSignoff
      ? `${STATUS_LABEL[check.status]} · to sign: ${check.signers}`
      : STATUS_LABEL[check.status];
    item.iconPath = STATUS_ICON[check.status];
    item.tooltip = tooltip(check);
    item.id = `${node.view.uri}#${node.gate.id}/${check.id}`;
    item.accessibilityInformation = { label: `${check.title}: ${STATUS_LABEL[check.status]}` };
    item.command = {
      command: 'agentdoc.revealItem',
      title: vscode.l10n.t('Show in document'),
      arguments: [node.view.uri, check.range],
    };
    const open = check.status !== 'met' && check.status !== 'waived';
    item.contextValue = [
      'item',
      open && check.hasFix ? 'fixable' : '',
      open && check.kind === 'gate-item' ? 'waivable' : '',
    ]
      .filter(Boolean)
      .join('.');
    return item;
  }
}

function tooltip(check: ChecklistItem): vscode.MarkdownString {
  const lines = [
    `**${check.title}** — ${STATUS_LABEL[check.status]}`,
    '',
    check.rationale,
    '',
    `_${check.hint}_`,
    '',
    `Sources: ${check.sources.map(sourceLinkMarkdown).join(', ')}`,
  ];
  if (check.frameworks?.length) lines.push('', `Frameworks: ${check.frameworks.map(sourceLinkMarkdown).join(', ')}`);
  if (check.signers)
    lines.push('', `${check.awaitingSignoff ? 'Must still be signed by' : 'May be signed by'}: ${check.signers}`);
  if (check.signoff)
    lines.push(
      '',
      `Sign-off: ${check.signoff.status || '—'} by ${check.signoff.signer || '—'} on ${check.signoff.date || '—'}`,
      `Evidence: ${check.signoff.evidence || '—'}`,
    );
  if (check.waiver)
    lines.push(
      '',
      `Waiver: ${check.waiver.justification} (approved by ${check.waiver.approver || '—'}, ${check.waiver.expired ? 'expired' : 'expires'} ${check.waiver.expires || '—'})`,
    );
  const markdown = new vscode.MarkdownString(lines.join('\n'));
  markdown.supportHtml = false;
  return markdown;
}
