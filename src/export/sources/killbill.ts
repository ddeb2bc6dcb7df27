/** Kill Bill, read in killbill/killbill on master. */
import type { CheckedVersion, SourceFile } from './types.ts';

export const KILLBILL_SOURCES: readonly SourceFile[] = [
  {
    repo: 'killbill/killbill',
    ref: 'master',
    commit: 'cb60779c171391be558cd7aebb1eafea60ad2b82',
    date: '2026-08-20',
    paths: [
      'overdue/src/main/java/org/killbill/billing/overdue/calculator/BillingStateCalculator.java',
      'overdue/src/main/java/org/killbill/billing/overdue/config/DefaultOverdueConfig.java',
      'overdue/src/main/java/org/killbill/billing/overdue/config/DefaultOverdueStatesAccount.java',
      'overdue/src/main/java/org/killbill/billing/overdue/config/DefaultOverdueState.java',
      'overdue/src/main/java/org/killbill/billing/overdue/config/DefaultOverdueCondition.java',
      'overdue/src/main/java/org/killbill/billing/overdue/config/DefaultDuration.java',
      'jaxrs/src/main/java/org/killbill/billing/jaxrs/resources/OverdueResource.java',
      'jaxrs/src/main/java/org/killbill/billing/jaxrs/resources/JaxrsResource.java',
      'jaxrs/src/main/java/org/killbill/billing/jaxrs/util/Context.java',
    ],
  },
];

export const KILLBILL_VERSIONS: readonly CheckedVersion[] = [{ version: 'master', checked: 'source', note: 'de overdue-module en de REST-aanvraag om overdue.xml op te laden' }];

export const KILLBILL_RULES = {
  /** OverdueResource: POST /1.0/kb/overdue/xml, Content-Type text/xml. */
  uploadPath: '/1.0/kb/overdue/xml',
  contentType: 'text/xml',
  /** JaxrsResource constants; Context.createCallContext refuses a request without X-Killbill-CreatedBy. */
  tenantHeaders: ['X-Killbill-ApiKey', 'X-Killbill-ApiSecret'],
  requiredHeader: 'X-Killbill-CreatedBy',
  optionalHeaders: ['X-Killbill-Reason', 'X-Killbill-Comment'],
  /** BillingStateCalculator: dateOfEarliestUnpaidInvoice = invoice.getInvoiceDate(). */
  countsFromInvoiceDate: true,
} as const;

/** One element of overdue.xml as the JAXB classes declare it (Kill Bill generates its XSD from them). */
export interface XmlElementSpec {
  /** Child elements in declaration order (the generated schema's sequence). */
  children: readonly string[];
  required: readonly string[];
  /** Children that repeat (arrays). */
  repeated?: readonly string[];
  attributes?: readonly string[];
  /** Children whose type is another element spec, by name. */
  types?: Readonly<Record<string, string>>;
}

const DURATION = 'duration';

export const KILLBILL_XML: Readonly<Record<string, XmlElementSpec>> = {
  overdueConfig: { children: ['accountOverdueStates'], required: ['accountOverdueStates'], types: { accountOverdueStates: 'accountOverdueStates' } },
  accountOverdueStates: { children: ['initialReevaluationInterval', 'state'], required: ['state'], repeated: ['state'], types: { initialReevaluationInterval: DURATION, state: 'state' } },
  state: {
    attributes: ['name'],
    children: ['condition', 'externalMessage', 'blockChanges', 'disableEntitlementAndChangesBlocked', 'subscriptionCancellationPolicy', 'isClearState', 'autoReevaluationInterval', 'enterStateEmailNotification'],
    required: [],
    types: { condition: 'condition', autoReevaluationInterval: DURATION },
  },
  condition: {
    children: ['numberOfUnpaidInvoicesEqualsOrExceeds', 'totalUnpaidInvoiceBalanceEqualsOrExceeds', 'timeSinceEarliestUnpaidInvoiceEqualsOrExceeds', 'responseForLastFailedPaymentIn', 'controlTagInclusion', 'controlTagExclusion'],
    required: [],
    types: { timeSinceEarliestUnpaidInvoiceEqualsOrExceeds: DURATION },
  },
  [DURATION]: { children: ['unit', 'number'], required: ['unit'] },
};

/** DefaultOverdueState.MAX_NAME_LENGTH. */
export const KILLBILL_STATE_NAME_MAX = 50;
