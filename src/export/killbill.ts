/**
 * Kill Bill overdue.xml for one workflow. Structure restated from killbill-docs
 * userguide/tutorials/overdue.adoc and killbill overdue/config/DefaultOverdueState.java (element
 * names and order, names ≤ 50 characters without spaces); the test checks a small schema written
 * from those sources. Behaviour checked in the source (sources/killbill.ts).
 *
 * Kill Bill sends no e-mails itself (enterStateEmailNotification is deprecated): each step becomes
 * an overdue state whose externalMessage names the step, so a notification plugin listening to
 * OVERDUE_CHANGE can send our template. Every state leaves the account untouched (no blocking, no
 * cancellation): those are business decisions for the user. The clock counts days since the
 * invoice date of the earliest unpaid invoice (BillingStateCalculator), not its due date, so steps
 * at or before day 0 cannot be states and are left out. For subscriptions payable on invoice the
 * two dates coincide.
 */
import type { Workflow } from '../content/schema.ts';
import { offsetLabel } from '../vocabulary/naming.ts';
import { CHANNEL_LABELS } from './schedule.ts';

export function escapeXml(text: string): string {
  return text
    // XML 1.0 forbids most control characters even as references.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export interface OverdueState {
  name: string;
  days: number;
  message: string;
}

/** The states in time order (first state first). Same-day steps share one state. */
export function overdueStates(workflow: Workflow): OverdueState[] {
  const states: OverdueState[] = [];
  workflow.stappen.forEach((step, i) => {
    if (step.offset <= 0) return;
    const message = `${offsetLabel(step.offset)} · ${step.titel} (${CHANNEL_LABELS[step.kanaal]}; sjabloon ${step.template})`;
    const same = states.find((s) => s.days === step.offset);
    if (same) same.message += ` + ${message}`;
    else states.push({ name: `TIJDIG_${String(i + 1).padStart(2, '0')}_D${step.offset}`, days: step.offset, message });
  });
  return states.sort((a, b) => a.days - b.days);
}

const duration = (tag: string, days: number, indent: string) => `${indent}<${tag}>\n${indent}  <unit>DAYS</unit>\n${indent}  <number>${days}</number>\n${indent}</${tag}>`;

export function killbillOverdueXml(workflow: Workflow): string {
  const states = overdueStates(workflow);
  if (!states.length) throw new Error(`draaiboek ${workflow.id} heeft geen stap na de vervaldag; Kill Bill kan er niets mee`);
  const skipped = workflow.stappen.filter((s) => s.offset <= 0).length;
  const blocks = states.map((state, i) => {
    const next = states[i + 1];
    const lines = [
      `    <state name="${escapeXml(state.name)}">`,
      '      <condition>',
      duration('timeSinceEarliestUnpaidInvoiceEqualsOrExceeds', state.days, '        '),
      '      </condition>',
      `      <externalMessage>${escapeXml(state.message)}</externalMessage>`,
      '      <blockChanges>false</blockChanges>',
      '      <disableEntitlementAndChangesBlocked>false</disableEntitlementAndChangesBlocked>',
      '      <subscriptionCancellationPolicy>NONE</subscriptionCancellationPolicy>',
      // Without a payment nothing triggers a re-evaluation: this moves the account on to the next step.
      ...(next ? [duration('autoReevaluationInterval', next.days - state.days, '      ')] : []),
      '    </state>',
    ];
    return lines.join('\n');
  });
  // Kill Bill wants the last state first.
  blocks.reverse();
  const comment = [
    `Tijdig: draaiboek "${workflow.titel}" als Kill Bill overdue-configuratie.`,
    'Elke stap is een toestand; Kill Bill blokkeert of annuleert niets (dat stelt u zelf in).',
    'E-mails verstuurt Kill Bill niet zelf: laat een plugin op OVERDUE_CHANGE het sjabloon versturen.',
    ...(skipped ? [`${skipped} stap(pen) vóór of op de vervaldag ontbreken: Kill Bill telt pas vanaf de onbetaalde factuur.`] : []),
  ]
    .map((line) => `  ${line.replace(/-{2,}/g, '-')}`)
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!--\n${comment}\n-->`,
    '<overdueConfig>',
    '  <accountOverdueStates>',
    duration('initialReevaluationInterval', states[0]!.days, '    '),
    ...blocks,
    '  </accountOverdueStates>',
    '</overdueConfig>',
    '',
  ].join('\n');
}
