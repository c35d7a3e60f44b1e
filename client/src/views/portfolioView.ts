import * as vscode from 'vscode';
import type { PortfolioEntry } from '../../../server/src/protocol/types';

export type PortfolioGrouping = 'stage' | 'tier' | 'owner' | 'type';

type Node = { kind: 'group'; label: string; entries: PortfolioEntry[] } | { kind: 'agent'; entry: PortfolioEntry };

const STAGE_ORDER = ['Pilot', 'Shadow', 'Canary', 'Production', 'Retired', 'Stage unknown'];
const TYPE_ORDER = ['foundation', 'capability', 'orchestration', '(no type)'];
const GROUP_ICON: Record<PortfolioGrouping, string> = {
  stage: 'milestone',
  tier: 'shield',
  owner: 'person',
  type: 'symbol-class',
};

/**
 * Every agent doc in the workspace, grouped by stage, tier, owner or type; data from
 * agentdoc/portfolio. Overdue reviews, stale metrics and retirement candidates show on each agent
 * and are counted on each group, so the portfolio review starts from the view.
 */
export class PortfolioView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private entries: PortfolioEntry[] = [];
  grouping: PortfolioGrouping = 'stage';

  constructor(private readonly load: () => Promise<PortfolioEntry[]>) {}

  get count(): number {
    return this.entries.length;
  }

  async refresh(): Promise<void> {
    this.entries = await this.load().catch(() => []);
    this.changed.fire(undefined);
  }

  setGrouping(grouping: PortfolioGrouping): void {
    this.grouping = grouping;
    this.changed.fire(undefined);
  }

  private keyOf(entry: PortfolioEntry): string {
    switch (this.grouping) {
      case 'stage':
        return entry.verdict.stage?.title ?? 'Stage unknown';
      case 'tier':
        return entry.tier ?? '(no tier)';
      case 'owner':
        return entry.owner ?? '(no owner)';
      case 'type':
        return entry.type ?? '(no type)';
    }
  }

  getChildren(node?: Node): Node[] {
    if (node?.kind === 'group') return node.entries.map((entry): Node => ({ kind: 'agent', entry }));
    if (node) return [];
    const groups = new Map<string, PortfolioEntry[]>();
    for (const entry of this.entries) {
      const key = this.keyOf(entry);
      groups.set(key, [...(groups.get(key) ?? []), entry]);
    }
    const order = this.grouping === 'stage' ? STAGE_ORDER : this.grouping === 'type' ? TYPE_ORDER : undefined;
    const rank = (key: string): number => (order?.includes(key) ? order.indexOf(key) : (order?.length ?? 0));
    const keys = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    return keys.map((label): Node => ({ kind: 'group', label, entries: groups.get(label) ?? [] }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      const overdue = node.entries.filter((entry) => entry.reviewOverdue).length;
      const retire = node.entries.filter((entry) => entry.retirement?.length).length;
      item.description = [
        `${node.entries.length} agent${node.entries.length === 1 ? '' : 's'}`,
        overdue ? `${overdue} review${overdue === 1 ? '' : 's'} overdue` : undefined,
        retire ? `${retire} to retire?` : undefined,
      ]
        .filter(Boolean)
        .join(' · ');
      item.iconPath = new vscode.ThemeIcon(GROUP_ICON[this.grouping]);
      return item;
    }
    const { entry } = node;
    const item = new vscode.TreeItem(
      entry.name ?? entry.id ?? vscode.Uri.parse(entry.uri).path.split('/').pop() ?? entry.uri,
      vscode.TreeItemCollapsibleState.None,
    );
    const { verdict } = entry;
    const signals = [
      entry.reviewOverdue ? 'review overdue' : undefined,
      entry.retirement?.length ? 'retire?' : undefined,
      entry.metricsStale ? 'metrics stale' : undefined,
    ].filter((signal): signal is string => signal !== undefined);
    item.description = [
      this.grouping !== 'owner' ? entry.owner : undefined,
      this.grouping !== 'tier' ? entry.tier : undefined,
      verdict.phrase,
      ...signals,
    ]
      .filter(Boolean)
      .join(' · ');
    item.tooltip = new vscode.MarkdownString(
      [
        `**${entry.name ?? entry.id ?? vscode.l10n.t('Agent')}** (${entry.id ?? vscode.l10n.t('no id')})`,
        '',
        vscode.l10n.t('Owner: {0}', entry.owner ?? '—') + '  ',
        vscode.l10n.t('Tier: {0} · Type: {1}', entry.tier ?? '—', entry.type ?? '—') + '  ',
        vscode.l10n.t('Verdict: {0}', verdict.phrase) + '  ',
        vscode.l10n.t('Errors: {0}, warnings: {1}', verdict.errors, verdict.warnings),
        ...(entry.reviewOverdue ? ['', vscode.l10n.t('Review overdue: it was due by {0}.', entry.reviewOverdue)] : []),
        ...(entry.metricsStale ? ['', vscode.l10n.t('Metrics are older than the review cadence allows.')] : []),
        ...(entry.retirement?.length
          ? ['', vscode.l10n.t('Retirement candidate: {0}.', entry.retirement.join('; '))]
          : []),
      ].join('\n'),
    );
    const clean = verdict.blockers === 0 && verdict.stage !== undefined;
    item.iconPath = entry.retirement?.length
      ? new vscode.ThemeIcon('archive', new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : entry.reviewOverdue
        ? new vscode.ThemeIcon('history', new vscode.ThemeColor('problemsWarningIcon.foreground'))
        : new vscode.ThemeIcon(
            clean ? 'pass-filled' : 'circle-large-outline',
            new vscode.ThemeColor(clean ? 'testing.iconPassed' : 'problemsWarningIcon.foreground'),
          );
    item.resourceUri = vscode.Uri.parse(entry.uri);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(entry.uri)] };
    item.contextValue = 'agent';
    return item;
  }
}
