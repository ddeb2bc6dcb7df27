/** Invoice Ninja v5, read in invoiceninja/invoiceninja on branch v5-stable. */
import type { CheckedVersion, FieldSpec, SourceFile } from './types.ts';

export const INVOICE_NINJA_SOURCES: readonly SourceFile[] = [
  {
    repo: 'invoiceninja/invoiceninja',
    ref: 'v5-stable',
    commit: 'a148eec09bd1283db55112cbdfe26788bc234974',
    date: '2024-09-19',
    paths: [
      'app/DataMapper/CompanySettings.php',
      'app/Http/Requests/GroupSetting/StoreGroupSettingRequest.php',
      'app/Repositories/GroupSettingRepository.php',
      'app/Utils/Traits/ClientGroupSettingsSaver.php',
      'app/Services/Invoice/UpdateReminder.php',
      'app/Jobs/Util/ReminderJob.php',
      'app/Utils/HtmlEngine.php',
      'app/Http/Middleware/TokenAuth.php',
      'routes/api.php',
    ],
  },
];

export const INVOICE_NINJA_VERSIONS: readonly CheckedVersion[] = [{ version: '5', checked: 'source', note: 'tak v5-stable; de gehoste dienst draait dezelfde code' }];

/** CompanySettings::$casts of every key the export writes ('integer' ids travel as digit strings). */
export const INVOICE_NINJA_CASTS: Record<string, FieldSpec> = {
  send_reminders: { type: 'bool' },
  ...Object.fromEntries(
    ([1, 2, 3] as const).flatMap((n) => [
      [`enable_reminder${n}`, { type: 'bool' }],
      [`num_days_reminder${n}`, { type: 'int' }],
      [`schedule_reminder${n}`, { type: 'string', values: ['after_invoice_date', 'before_due_date', 'after_due_date'] }],
      [`email_subject_reminder${n}`, { type: 'string' }],
      [`email_template_reminder${n}`, { type: 'string' }],
      [`late_fee_amount${n}`, { type: 'float' }],
      [`late_fee_percent${n}`, { type: 'float' }],
    ]),
  ),
  enable_reminder_endless: { type: 'bool' },
  endless_reminder_frequency_id: { type: 'integer', values: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] },
  email_subject_reminder_endless: { type: 'string' },
  email_template_reminder_endless: { type: 'string' },
  late_fee_endless_amount: { type: 'float' },
  late_fee_endless_percent: { type: 'float' },
};

export const INVOICE_NINJA_RULES = {
  /** TokenAuth middleware. */
  authHeader: 'X-API-TOKEN',
  /** routes/api.php: Route::resource('group_settings', …) and ('companies', …). */
  groupEndpoint: 'POST /api/v1/group_settings',
  /** StoreGroupSettingRequest::authorize: hasFeature(Account::FEATURE_API). */
  groupsNeedApiFeature: true,
  /** filterSaveableSettings keeps only CompanySettings::$free_plan_casts for free hosted accounts; no reminder key is in it. */
  freeHostedDropsReminders: true,
  /** GroupSettingRepository::save fills settings as sent; validateSettings drops only blank strings, so false and 0 stay. */
  groupKeepsFalseAndZero: true,
  /** UpdateReminder: the endless reminder follows last_sent_date + frequency, after reminders 1-3. */
  endlessAfterLastSent: true,
  /** HtmlEngine: $payment.date is set only from a payment already on the invoice. */
  paymentDateEmptyWhenUnpaid: true,
  /** checkAttribute('float'): a string is refused, so late fees are JSON numbers. */
  floatsAreNumbers: true,
} as const;
