import { msg } from '../l10n';
import { isPlaceholderValue } from '../model/values';
import { makeFinding, type Rule } from './rule';
import { fm, fmRange, gateStage, severityFrom } from './support';

/** Values that say a switch exists without saying what it is or where it is pulled. */
const VAGUE =
  /^(yes|true|on|off|enabled|exists|available|in place|feature flag|flag|kill switch|manual|manually|ask (the )?platform)\.?$/i;

export const killSwitch: Rule = {
  code: 'AD333',
  name: 'kill-switch-vague',
  description:
    'rollback.kill_switch says what the switch is and where it is pulled (a flag name and the service or dashboard), not just "yes" or "feature flag".',
  rationale:
    'A kill switch must cut traffic to 0% in under a minute, pulled by someone who may act without a meeting. "We have a flag" is not enough at 2 AM: the person on call needs its name and where it lives.',
  sources: ['seed:004'],
  howToFix:
    'Write the flag\'s name and where it is switched, e.g. "Feature flag ap-triage.enabled in the platform flag service", and name who may pull it in rollback.authority.',
  defaultSeverity: 'stage',
  check(context) {
    // The kill-switch gate item reports a missing switch; this rule checks the value says enough.
    const severity = severityFrom(context, gateStage(context, 'kill-switch') ?? 'canary');
    const value = fm(context, 'rollback.kill_switch');
    if (!severity || value === undefined || value === null) return [];
    const text = typeof value === 'string' ? value.trim() : String(value);
    if (typeof value === 'string' && isPlaceholderValue(text)) return [];
    if (typeof value === 'string' && !VAGUE.test(text) && text.split(/\s+/).length >= 2) return [];
    return [
      makeFinding(
        this,
        severity,
        msg(
          'killSwitch.killSwitchDoesNot',
          'The kill switch "{text}" does not say what it is or where it is pulled: name the flag and the service or dashboard that switches traffic to 0%, e.g. "Feature flag my-agent.enabled in the flag service".',
          { text },
        ),
        fmRange(context.model, 'rollback.kill_switch'),
        {
          subject: { kind: 'front-matter', id: 'rollback.kill_switch' },
        },
      ),
    ];
  },
};
