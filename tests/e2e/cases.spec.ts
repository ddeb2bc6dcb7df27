/**
 * The case axis on the site: on a template page the country and customer-type fields pick the text
 * written for that case (the base template or one of its variants), and switching changes the legal
 * text visibly; a case without a text says so and offers no download. Playbook pages say who a
 * playbook is for. The templates are chosen from the content, so the test follows it.
 */
import { readContent } from '../../src/pack/read-content.ts';
import { familyCases, familyOf } from '../../src/model/variants.ts';
import { expect, field, test } from './fixtures.ts';

const loaded = readContent(process.cwd());
if (!loaded.ok) throw new Error('content does not load');
const { templates, workflows } = loaded.content;
const bases = templates.filter((t) => !t.variantOf);
// An e-mail whose Belgian consumer text is a variant and that exists for all four cases.
const switching = bases.find((t) => t.kind === 'email' && t.purpose === 'herinnering' && familyCases(templates, t.id).length === 4 && familyOf(templates, t.id).some((v) => v.variantOf && v.cases?.includes('be-consument')));
// A template written for Belgian businesses only.
const businessOnly = bases.find((t) => familyCases(templates, t.id).join() === 'be-onderneming');

test('switching country and customer type shows the text for that case', async ({ page }) => {
  if (!switching) throw new Error('no e-mail template with a Belgian consumer variant and texts for all four cases');
  const family = familyOf(templates, switching.id);
  const consumer = family.find((t) => t.cases?.includes('be-consument'))!;
  const dutch = family.find((t) => t.cases?.includes('nl-onderneming'))!;
  await page.goto(`/sjablonen/${switching.id}/`);
  const note = page.locator('[data-case-note]');
  const text = page.locator('[data-out="text"]');
  const mail = page.frameLocator('iframe[data-out="email"]').locator('body');
  await expect(note).toHaveText('U ziet de tekst voor een Belgische onderneming.');
  await expect(text).not.toContainText('[factuur.omschrijving]');

  // A Belgian consumer gets the variant with the mentions Boek XIX requires: what the invoice is for.
  await field(page, 'dossier.klanttype').selectOption('consument');
  await expect(note).toContainText('een Belgische consument');
  await expect(note).toContainText(consumer.title);
  await expect(note).toHaveAttribute('data-template', consumer.id);
  await expect(text).toContainText('[factuur.omschrijving]');
  await expect(text).toContainText('[berekend.betaalUiterlijk]');

  // A Dutch business: Dutch words and the Dutch payment reference.
  await field(page, 'dossier.jurisdictie').selectOption('nl');
  await field(page, 'dossier.klanttype').selectOption('onderneming');
  await expect(note).toHaveAttribute('data-template', dutch.id);
  await expect(mail).toContainText('Betalingskenmerk');
  await expect(mail).not.toContainText('Gestructureerde mededeling');
  await expect(text).not.toContainText(/\bgelieve\b|\bvervaldag\b/i);

  // Typed data follows the switch: the consumer text fills what the invoice is for.
  await field(page, 'dossier.jurisdictie').selectOption('be');
  await field(page, 'dossier.klanttype').selectOption('consument');
  await field(page, 'factuur.omschrijving').fill('de levering van twee taarten');
  await expect(text).toContainText('de levering van twee taarten');
  await expect(page.getByRole('button', { name: /PDF/ })).toBeEnabled();
});

test('the example button fills examples that fit the chosen case', async ({ page }) => {
  if (!switching) throw new Error('no e-mail template with texts for all four cases');
  await page.goto(`/sjablonen/${switching.id}/`);
  await field(page, 'dossier.jurisdictie').selectOption('nl');
  await expect(field(page, 'afzender.iban')).toHaveAttribute('placeholder', /^bv\. NL/);
  await page.locator('[data-action="example"]').click();
  // A Dutch sender: a Dutch IBAN and a betalingskenmerk, not the Flemish bakery's +++…+++ communication.
  await expect(field(page, 'afzender.iban')).toHaveValue(/^NL\d\d/);
  await expect(field(page, 'betaling.mededeling')).toHaveValue(/^[^+]+$/);
  await expect(page.locator('[data-out="text"]')).not.toContainText('+++');

  // A consumer is a private person: no contact person is made up. (The example sender was
  // remembered as the user's own details: forget them first.)
  await page.goto(`/sjablonen/${switching.id}/`);
  await page.locator('[data-action="forget"]').click();
  await field(page, 'dossier.klanttype').selectOption('consument');
  await page.locator('[data-action="example"]').click();
  await expect(field(page, 'afzender.iban')).toHaveValue(/^BE\d\d/);
  await expect(field(page, 'klant.naam')).not.toHaveValue('');
  await expect(field(page, 'klant.contactpersoon')).toHaveValue('');
});

test('a case the template has no text for is named, and nothing can be downloaded', async ({ page }) => {
  if (!businessOnly) throw new Error('no template written for Belgian businesses only');
  await page.goto(`/sjablonen/${businessOnly.id}/`);
  await expect(page.locator('.tags')).toContainText('Alleen voor ondernemingen');
  await field(page, 'dossier.klanttype').selectOption('consument');
  const note = page.locator('[data-case-note]');
  await expect(note).toContainText('bestaat niet voor een Belgische consument');
  await expect(note).toContainText('een Belgische onderneming');
  await expect(page.getByRole('button', { name: /PDF/ })).toBeDisabled();
  await field(page, 'dossier.klanttype').selectOption('onderneming');
  await expect(page.getByRole('button', { name: /PDF/ })).toBeEnabled();
});

test('a playbook page says who the playbook is for', async ({ page }) => {
  for (const w of workflows) {
    await page.goto(`/draaiboeken/${w.id}/`);
    const line = page.locator('[data-playbook-cases]');
    if (w.gevallen.every((c) => c.endsWith('-onderneming'))) await expect(line, w.id).toContainText('Alleen voor ondernemingen');
    else await expect(line, w.id).not.toContainText('Alleen voor ondernemingen');
  }
});
