/**
 * The template page's island: reads the form, validates each field in Dutch, fills the template
 * with the same fill()/renderers as the pack, and updates the previews as the user types. Copy and
 * download buttons; the heavy DOCX/PDF code is loaded by files.ts only when a download is asked.
 * Nothing leaves the browser; the user's own details are kept in localStorage until forgotten.
 */
import type { FillData, Jurisdiction } from '../../content/schema.ts';
import { fill } from '../../model/fill.ts';
import type { FilledDocument, TemplateDoc } from '../../model/types.ts';
import type { LegalCase } from '../../jurisdiction/ids.ts';
import { caseInWords } from '../../model/variants.ts';
import { fillEmail, type FilledEmail } from '../../render/html/fill.ts';
import { renderText } from '../../render/text/index.ts';
import { parseInput, showFieldError } from '../lib/field-dom.ts';
import { readJsonScript } from '../lib/json-script.ts';
import { printPreviewHtml } from '../lib/print-preview.ts';
import { forgetRemembered, restoreRemembered, saveRemembered as saveStored, valuesOf } from '../lib/remembered.ts';
import { REMEMBERED_GROUPS, type DownloadFormat, type FieldSpec, type WorkbenchData } from '../lib/workbench-types.ts';

const root = document.querySelector<HTMLElement>('[data-workbench]');
if (root) init(root);

interface State {
  data: FillData;
  jurisdiction: Jurisdiction;
  legalCase: LegalCase;
  /** The text for the chosen case (the page's own text or one of its variants). */
  doc: TemplateDoc;
  filled: FilledDocument;
  email: FilledEmail | null;
  text: string;
}

function init(root: HTMLElement): void {
  const model = readJsonScript<WorkbenchData>('tj-template-data');
  const form = root.querySelector<HTMLFormElement>('form[data-fill-form]')!;
  const $ = <T extends Element>(sel: string) => root.querySelector<T>(sel);
  const status = $<HTMLElement>('[data-status]')!;
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  for (const field of model.fields) {
    const input = form.elements.namedItem(field.path);
    if (input instanceof HTMLInputElement || input instanceof HTMLSelectElement) inputs.set(field.path, input);
  }
  const fields = model.fields.filter((f) => inputs.has(f.path));
  const remembered = fields.filter((f) => REMEMBERED_GROUPS.includes(f.group));


  // ---------------------------------------------------------------- form -> data

  const parse = (field: FieldSpec) => parseInput(field, inputs.get(field.path)!);
  const showError = (field: FieldSpec, message: string | null) => showFieldError(field, inputs.get(field.path)!, message);

  function readData(): FillData {
    const data: Record<string, Record<string, string | number>> = {};
    for (const field of fields) {
      const parsed = parse(field);
      if (!parsed.ok || parsed.value === undefined) continue;
      const [group, name] = field.path.split('.') as [string, string];
      (data[group] ??= {})[name] = parsed.value;
    }
    return data as FillData;
  }

  // ---------------------------------------------------------------- previews

  const subjectOut = $<HTMLElement>('[data-out="subject"]');
  const preheaderOut = $<HTMLElement>('[data-out="preheader"]');
  const frame = $<HTMLIFrameElement>('iframe[data-out="email"]');
  const textOut = $<HTMLElement>('[data-out="text"]');
  const printOut = $<HTMLElement>('[data-out="print"]');
  let state: State | null = null;

  const caseNote = $<HTMLElement>('[data-case-note]');
  const downloads = [...root.querySelectorAll<HTMLButtonElement>('[data-download], [data-copy]')];

  /** The chosen country and customer type, as the case whose text the page shows. */
  function chosenCase(data: FillData): LegalCase {
    return `${data.dossier?.jurisdictie === 'nl' ? 'nl' : 'be'}-${data.dossier?.klanttype === 'consument' ? 'consument' : 'onderneming'}`;
  }

  /** The state for the chosen case, or null when this template has no text for it. */
  function compute(): State | null {
    const data = readData();
    const legalCase = chosenCase(data);
    const index = model.cases[legalCase];
    if (index === undefined || index < 0) return null;
    const doc = model.family[index]!;
    const jurisdiction: Jurisdiction = legalCase.startsWith('nl-') ? 'nl' : 'be';
    const filled = fill(doc, data, { jurisdiction });
    const compiled = model.familyCompiled[index];
    return { data, jurisdiction, legalCase, doc, filled, email: compiled ? fillEmail(compiled, data) : null, text: renderText(filled) };
  }

  /** Says which text the previews show, or that there is none for the chosen case. */
  function showCase(current: State | null): void {
    const legalCase = chosenCase(readData());
    const available = (Object.keys(model.cases) as LegalCase[]).filter((c) => model.cases[c]! >= 0).map(caseInWords);
    for (const b of downloads) b.disabled = current === null;
    if (!caseNote) return;
    if (!current) {
      caseNote.textContent = `Dit sjabloon bestaat niet voor ${caseInWords(legalCase)}: de wet of de woorden verschillen. Het bestaat voor ${available.join(', ')}. Kies een ander land of een andere soort klant, of een ander sjabloon.`;
      caseNote.dataset['state'] = 'none';
      return;
    }
    const variant = current.doc.id === model.family[0]!.id ? '' : ` (variant "${current.doc.title}")`;
    caseNote.textContent = `U ziet de tekst voor ${caseInWords(legalCase)}${variant}.`;
    caseNote.dataset['state'] = 'ok';
    caseNote.dataset['template'] = current.doc.id;
  }

  function render(): void {
    let next: State | null;
    try {
      next = compute();
    } catch (error) {
      console.warn('Tijdig: voorbeeld bijwerken mislukt', error);
      say('Het voorbeeld kon niet bijgewerkt worden. Kijk de ingevulde gegevens na.');
      return;
    }
    showCase(next);
    if (!next) {
      state = null;
      if (textOut) textOut.textContent = '';
      if (printOut) printOut.textContent = '';
      if (frame) frame.srcdoc = '';
      return;
    }
    state = next;
    if (state.email) {
      if (subjectOut) subjectOut.textContent = state.email.subject;
      if (preheaderOut) preheaderOut.textContent = state.email.preheader;
      if (frame && frame.srcdoc !== state.email.html) frame.srcdoc = state.email.html;
    }
    if (textOut) textOut.textContent = state.text;
    if (printOut) printOut.innerHTML = printPreviewHtml(state.filled);
  }

  let pending = 0;
  const schedule = () => {
    window.clearTimeout(pending);
    pending = window.setTimeout(render, 120);
  };

  // ---------------------------------------------------------------- remembered details

  const rememberedPaths = remembered.map((f) => f.path);
  const loadRemembered = () => restoreRemembered(inputs, rememberedPaths);
  const saveRemembered = () => saveStored(valuesOf(inputs, rememberedPaths));

  // ---------------------------------------------------------------- events

  const fieldOf = (target: EventTarget | null) => fields.find((f) => inputs.get(f.path) === target);

  form.addEventListener('input', (event) => {
    const field = fieldOf(event.target);
    if (field) {
      // While typing, only clear an error; a new error shows when the field is left.
      const parsed = parse(field);
      if (parsed.ok) showError(field, null);
      if (REMEMBERED_GROUPS.includes(field.group)) saveRemembered();
    }
    schedule();
  });
  form.addEventListener('change', (event) => {
    const field = fieldOf(event.target);
    if (field) {
      const parsed = parse(field);
      showError(field, parsed.ok ? null : parsed.error);
    }
    schedule();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    validateAll();
    render();
  });

  function validateAll(): boolean {
    let first: HTMLInputElement | HTMLSelectElement | null = null;
    for (const field of fields) {
      const parsed = parse(field);
      showError(field, parsed.ok ? null : parsed.error);
      if (!parsed.ok && !first) first = inputs.get(field.path)!;
    }
    if (first) {
      first.focus();
      say('Niet alle velden kloppen: kijk de rode meldingen na.');
    }
    return !first;
  }

  $('[data-action="forget"]')?.addEventListener('click', () => {
    forgetRemembered();
    for (const field of remembered) {
      inputs.get(field.path)!.value = '';
      showError(field, null);
    }
    render();
    say('Uw bedrijfsgegevens zijn gewist uit deze browser.');
  });

  $('[data-action="example"]')?.addEventListener('click', () => {
    for (const field of fields) {
      const input = inputs.get(field.path)!;
      const example = model.examples[field.path];
      if (!input.value && example !== undefined) input.value = example;
      showError(field, null);
    }
    saveRemembered();
    render();
    say('Lege velden zijn ingevuld met een voorbeeld. Vervang ze door uw eigen gegevens.');
  });

  $('[data-action="clear"]')?.addEventListener('click', () => {
    for (const field of fields) {
      if (REMEMBERED_GROUPS.includes(field.group) || field.options) continue;
      inputs.get(field.path)!.value = '';
      showError(field, null);
    }
    render();
    say('De klant- en factuurgegevens zijn leeggemaakt.');
  });

  root.querySelectorAll<HTMLButtonElement>('[data-copy]').forEach((button) =>
    button.addEventListener('click', () => void copy(button.dataset['copy'] as 'subject' | 'body')),
  );
  root.querySelectorAll<HTMLButtonElement>('[data-download]').forEach((button) =>
    button.addEventListener('click', () => void download(button, button.dataset['download'] as DownloadFormat)),
  );

  async function copy(what: 'subject' | 'body'): Promise<void> {
    const current = state ?? compute();
    if (!current) return;
    try {
      if (what === 'subject') {
        await navigator.clipboard.writeText(current.email?.subject ?? current.filled.subject.map((r) => r.text).join(''));
        say('Het onderwerp staat op het klembord.');
      } else if (current.email && typeof ClipboardItem !== 'undefined') {
        // Rich text for mail programs, plain text for everything else.
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/html': new Blob([current.email.html], { type: 'text/html' }),
            'text/plain': new Blob([current.text], { type: 'text/plain' }),
          }),
        ]);
        say('De tekst staat op het klembord. Plak hem in uw e-mailprogramma.');
      } else {
        await navigator.clipboard.writeText(current.text);
        say('De tekst staat op het klembord.');
      }
    } catch {
      say('Kopiëren lukte niet in deze browser. Selecteer de tekst in het voorbeeld en kopieer hem zelf.');
    }
  }

  /** The unprintable characters the user already saw named for a PDF (see download). */
  let acceptedGaps = '';

  async function download(button: HTMLButtonElement, format: DownloadFormat): Promise<void> {
    // A file made while a field shows an error would quietly leave that value out.
    if (!validateAll()) {
      say('Er is nog niets gedownload: eerst moeten de velden met een rode melding kloppen (of leeg zijn).');
      return;
    }
    const current = compute();
    if (!current) return;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    say(`Het .${format}-bestand wordt gemaakt…`);
    try {
      const { makeFile, pdfGaps } = await import('./files.ts');
      if (format === 'pdf') {
        const gaps = await pdfGaps(current.filled);
        const key = gaps.join('');
        // Named once before the file is made; a second click makes it anyway.
        if (gaps.length > 0 && acceptedGaps !== key) {
          acceptedGaps = key;
          say(`Deze tekens kan de PDF niet tonen: ${gaps.join(' ')}. In de PDF staat er een ? in de plaats. Klik nog eens op de knop om de PDF toch te maken, of kies Word (dat gebruikt de lettertypes van uw computer).`);
          return;
        }
      }
      const file = await makeFile(format, { doc: current.doc, filled: current.filled, email: current.email, text: current.text, jurisdiction: current.jurisdiction, data: current.data });
      const url = URL.createObjectURL(file.blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = file.name;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      say(`${file.name} is gedownload.`);
    } catch (error) {
      console.warn('Tijdig: bestand maken mislukt', error);
      say(`Het .${format}-bestand kon niet gemaakt worden. Probeer het opnieuw of kies een ander formaat.`);
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }

  function say(message: string): void {
    status.textContent = '';
    // A fresh text node so screen readers announce a repeated message too.
    window.setTimeout(() => (status.textContent = message), 30);
  }

  loadRemembered();
  render();
}
