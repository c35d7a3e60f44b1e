import * as vscode from 'vscode';
import type { ReadinessView } from '../../server/src/protocol/types';

/** Stage and readiness of the active agent doc; a click opens the checklist. */
export class ReadinessStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('agentdoc.readiness', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'agentdoc readiness';
    this.item.command = 'agentdoc.showChecklist';
  }

  show(view: ReadinessView | null): void {
    if (!view) {
      this.item.hide();
      return;
    }
    const blocked = view.blockedStage
      ? view.gates
          .filter((gate) => gate.stage === view.blockedStage)
          .flatMap((gate) => gate.items)
          .filter((item) => item.status !== 'met' && item.status !== 'waived').length
      : 0;
    this.item.text = `$(checklist) ${view.stageTitle}${view.readyFor ? ` · ready for ${view.readyFor}` : ' · not ready'}${blocked ? ` · ${blocked} to ${view.blockedStage}` : ''}`;
    this.item.tooltip = `agentdoc: ${view.summary}. Click to open the readiness checklist.`;
    this.item.backgroundColor =
      view.readyFor === undefined ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
