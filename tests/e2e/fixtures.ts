/**
 * Shared e2e fixtures. Every test is watched: a console error, an uncaught exception, a failed or
 * 4xx/5xx request, a request to another origin, a Content-Security-Policy violation (even one a
 * library catches silently) or a dialog (alert) fails it, unless the test
 * explicitly allows that one thing (the 404 page's own status, for instance).
 */
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';

export interface Watch {
  problems: string[];
  /** Ignore problems matching this pattern (e.g. the 404 page's own response). */
  allow(pattern: RegExp): void;
  /** Every request URL the page made, for the "no other origin" checks. */
  requests: string[];
}

export const test = base.extend<{ watch: Watch }>({
  watch: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1:4321').origin;
      const allowed: RegExp[] = [];
      const problems: string[] = [];
      const requests: string[] = [];
      const report = (problem: string) => {
        if (process.env['E2E_VERBOSE']) console.log(`[watch] ${problem}`);
        if (!allowed.some((pattern) => pattern.test(problem))) problems.push(problem);
      };
      page.on('console', (message) => {
        if (message.type() === 'error' || (message.type() === 'warning' && message.text().startsWith('Tijdig'))) {
          report(`console ${message.type()}: ${message.text()} (${message.location().url})`);
        }
      });
      page.on('pageerror', (error) => report(`uncaught: ${error.message}`));
      // Chromium reports every CSP violation as an audit issue, also the ones that throw nothing.
      const cdp = await page.context().newCDPSession(page);
      cdp.on('Audits.issueAdded', ({ issue }) => {
        const csp = issue.details.contentSecurityPolicyIssueDetails;
        if (issue.code === 'ContentSecurityPolicyIssue' && csp) report(`CSP violation (${csp.violatedDirective}, ${csp.contentSecurityPolicyViolationType}): ${csp.sourceCodeLocation?.url ?? csp.blockedURL ?? ''}`);
      });
      await cdp.send('Audits.enable');
      page.on('dialog', (dialog) => {
        report(`dialog ${dialog.type()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      // Which page each request belongs to: a request of a page the test has already left may be
      // dropped by the browser (a module the page was still loading); that is no fault of the site.
      let pageNumber = 0;
      const pageOf = new WeakMap<object, number>();
      page.on('request', (request) => {
        if (request.isNavigationRequest() && request.frame() === page.mainFrame()) pageNumber++;
        pageOf.set(request, pageNumber);
        const url = request.url();
        requests.push(url);
        if (/^(data|blob|about):/.test(url)) return;
        if (new URL(url).origin !== origin) report(`request to another origin: ${url}`);
      });
      page.on('requestfailed', (request) => {
        // A download navigation is "aborted" by design once the file is handed over, and the
        // browser drops a favicon fetch still in flight when the test moves to the next page.
        if (/^blob:/.test(request.url())) return;
        const aborted = request.failure()?.errorText === 'net::ERR_ABORTED';
        if (aborted && (/\/favicon\.svg$/.test(request.url()) || (pageOf.get(request) ?? pageNumber) < pageNumber)) return;
        report(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) report(`HTTP ${response.status()}: ${response.url()}`);
      });
      const watch: Watch = { problems, requests, allow: (pattern) => allowed.push(pattern) };
      await use(watch);
      expect(problems, 'console errors, failed requests, other origins or dialogs').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Every page path listed in the sitemap. */
export async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const response = await request.get('/sitemap.xml');
  expect(response.ok()).toBe(true);
  const xml = await response.text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

export interface TemplateInfo {
  path: string;
  id: string;
  kind: 'email' | 'brief' | 'belscript';
  title: string;
  fields: { path: string; kind: string; group: string; label: string }[];
  registered: boolean;
}

/** The templates as their pages describe them (the JSON each template page ships). */
export async function templates(request: APIRequestContext): Promise<TemplateInfo[]> {
  const paths = (await sitemapPaths(request)).filter((p) => /^\/sjablonen\/[^/]+\/$/.test(p));
  const out: TemplateInfo[] = [];
  for (const path of paths) {
    const html = await (await request.get(path)).text();
    const json = /<script type="application\/json" id="tj-template-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
    expect(json, `template data on ${path}`).toMatch(/^\s*\{/);
    const data = JSON.parse(json!) as { doc: { id: string; kind: TemplateInfo['kind']; title: string; registered: boolean }; fields: TemplateInfo['fields'] };
    out.push({ path, id: data.doc.id, kind: data.doc.kind, title: data.doc.title, registered: data.doc.registered, fields: data.fields });
  }
  return out;
}

/** The first template that has all these fields (content-agnostic test targets). */
export function pick(list: TemplateInfo[], kind: TemplateInfo['kind'], needs: string[]): TemplateInfo {
  const found = list.find((t) => t.kind === kind && needs.every((n) => t.fields.some((f) => f.path === n)));
  if (!found) throw new Error(`no ${kind} template with fields ${needs.join(', ')}`);
  return found;
}

export const field = (page: Page, path: string) => page.locator(`[name="${path}"]`);

/** A complete, valid set of form values (as a user types them). */
export const SAMPLE: Record<string, string> = {
  'afzender.naam': 'Drukkerij Van Damme bv',
  'afzender.straat': 'Stationsstraat 41',
  'afzender.postcode': '2800',
  'afzender.gemeente': 'Mechelen',
  'afzender.ondernemingsnummer': 'BE 0123.456.749',
  'afzender.btwNummer': 'BE0123456749',
  'afzender.iban': 'BE71096123456769',
  'afzender.bic': 'GKCCBEBB',
  'afzender.contactpersoon': 'Lotte Van Damme',
  'afzender.telefoon': '015 12 34 56',
  'afzender.email': 'facturen@drukkerijvandamme.be',
  'afzender.website': 'https://www.drukkerijvandamme.be',
  'klant.naam': 'Bistro Zuiderzon',
  'klant.contactpersoon': 'Ahmed Janssens',
  'klant.straat': 'Grote Markt 7',
  'klant.postcode': '3000',
  'klant.gemeente': 'Leuven',
  'klant.email': 'ahmed@zuiderzon.be',
  'klant.klantnummer': 'KL-9981',
  'factuur.nummer': 'F-2026-0777',
  'factuur.datum': '2026-09-15',
  'factuur.vervaldatum': '2026-10-15',
  'factuur.bedrag': '2.345,67',
  'factuur.openstaand': '1.234,56',
  'betaling.link': 'https://betalen.drukkerijvandamme.be/F-2026-0777',
  'betaling.mededeling': '+++090/9337/55493+++',
  'data.verzending': '2026-11-02',
  'data.nieuweTermijn': '2026-11-16',
  'kosten.interestvoet': '12,5',
  'kosten.interest': '18,40',
  'kosten.forfait': '40,00',
  'ondertekenaar.naam': 'Lotte Van Damme',
  'ondertekenaar.functie': 'Zaakvoerder',
};

/** Fills every field the template has with SAMPLE values. */
export async function fillAll(page: Page, info: TemplateInfo): Promise<void> {
  for (const f of info.fields) {
    const value = SAMPLE[f.path];
    if (value !== undefined) await field(page, f.path).fill(value);
  }
}
