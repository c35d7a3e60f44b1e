import * as vscode from 'vscode';
import type { PortfolioEntry } from '../../../server/src/protocol/types';

export type PortfolioGrouping = 'stage' | 'owner';

type Node = { kind: 'group'; label: string; entries: PortfolioEntry[] } | { kind: 'agent'; entry: PortfolioEntry };

const STAGE_ORDER = ['Pilot', 'Shadow', 'Canary', 'Production', 'Retired', 'Stage unknown'];

/** Every agent doc in the workspace, grouped by stage or owner; data from agentdoc/portfolio. */
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

  getChildren(node?: Node): Node[] {
    if (node?.kind === 'group') return node.entries.map((entry): Node => ({ kind: 'agent', entry }));
    if (node) return [];
    const groups = new Map<string, PortfolioEntry[]>();
    for (const entry of this.entries) {
      const key =
        this.grouping === 'stage' ? (entry.verdict.stage?.title ?? 'Stage unknown') : (entry.owner ?? '(no owner)');
      groups.set(key, [...(groups.get(key) ?? []), entry]);
    }
    const keys = [...groups.keys()].sort((a, b) =>
      this.grouping === 'stage' ? STAGE_ORDER.indexOf(a) - STAGE_ORDER.indexOf(b) : a.localeCompare(b),
    );
    return keys.map((label): Node => ({ kind: 'group', label, entries: groups.get(label) ?? [] }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.entries.length} agent${node.entries.length === 1 ? '' : 's'}`;
      item.iconPath = new vscode.ThemeIcon(this.grouping === 'stage' ? 'milestone' : 'person');
      return item;
    }
    const { entry } = node;
    const item = new vscode.TreeItem(
      entry.name ?? entry.id ?? vscode.Uri.parse(entry.uri).path.split('/').pop() ?? entry.uri,
      vscode.TreeItemCollapsibleState.None,
    );
    const { verdict } = entry;
    item.description = [this.grouping === 'stage' ? entry.owner : undefined, entry.tier, verdict.phrase]
      .filter(Boolean)
      .join(' · ');
    item.tooltip = new vscode.MarkdownString(
      [
        `**${entry.name ?? entry.id ?? 'Agent'}** (${entry.id ?? 'no id'})`,
        '',
        `Owner: ${entry.owner ?? '—'}  `,
        `Tier: ${entry.tier ?? '—'}  `,
        `Verdict: ${verdict.phrase}  `,
        `Errors: ${verdict.errors}, warnings: ${verdict.warnings}`,
      ].join('\n'),
    );
    const clean = verdict.blockers === 0 && verdict.stage !== undefined;
    item.iconPath = new vscode.ThemeIcon(
      clean ? 'pass-filled' : 'circle-large-outline',
      new vscode.ThemeColor(clean ? 'testing.iconPassed' : 'problemsWarningIcon.foreground'),
    );
    item.resourceUri = vscode.Uri.parse(entry.uri);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(entry.uri)] };
    item.contextValue = 'agent';
    return item;
  }
}
