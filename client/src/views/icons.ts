import * as vscode from 'vscode';
import type { ChecklistStatus } from '../../../server/src/protocol/types';

/** One distinct icon and colour per status, from the product icon theme so it follows the user's theme. */
export const STATUS_ICON: Record<ChecklistStatus, vscode.ThemeIcon> = {
  met: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  missing: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  placeholder: new vscode.ThemeIcon('edit', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  pending: new vscode.ThemeIcon('clock', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  waived: new vscode.ThemeIcon('shield', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  'waiver-expired': new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  open: new vscode.ThemeIcon('issues', new vscode.ThemeColor('problemsErrorIcon.foreground')),
};

export const STATUS_LABEL: Record<ChecklistStatus, string> = {
  met: 'met',
  missing: 'missing',
  placeholder: 'placeholder text',
  failed: 'failed',
  pending: 'pending sign-off',
  waived: 'waived',
  'waiver-expired': 'waiver expired',
  open: 'open findings',
};
