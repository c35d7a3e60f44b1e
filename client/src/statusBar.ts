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
    const { verdict } = view;
    this.item.text = `$(checklist) ${verdict.phrase}`;
    this.item.tooltip = view.firstBlocker
      ? `agentdoc: ${view.name ?? 'this agent'} · ${verdict.phrase}. Click to open the readiness checklist and go to the first blocker.`
      : `agentdoc: ${view.name ?? 'this agent'} · ${verdict.phrase}. Click to open the readiness checklist.`;
    this.item.command = {
      command: 'agentdoc.showChecklist',
      title: 'Show the readiness checklist',
      arguments: [view.uri],
    };
    // Highlighted when the document is not ready for the stage it claims to be in.
    const blockedHere =
      verdict.stage === undefined ||
      (verdict.blockedStage !== undefined && verdict.blockedStage.id === verdict.stage.id);
    this.item.backgroundColor = blockedHere ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
