/** The segmentation calculator island: indicators in, suggested segment and the reasons out. */
import { readJsonScript } from '../lib/json-script.ts';
import { calculate, outcome, type CalcModel } from '../lib/segment-calculator.ts';

const root = document.querySelector<HTMLElement>('[data-calculator]');
if (root) init(root);

function init(root: HTMLElement): void {
  const model = readJsonScript<CalcModel & { playbookUrls: Record<string, string> }>('tj-calculator-data');
  const form = root.querySelector<HTMLFormElement>('form')!;
  const out = root.querySelector<HTMLElement>('[data-result]')!;

  const read = () => {
    const raw: Record<string, string> = {};
    for (const ind of model.indicators) {
      const input = form.elements.namedItem(ind.key) as HTMLInputElement | null;
      if (input) raw[ind.key] = input.value;
    }
    const calculation = calculate(model, raw);
    for (const ind of model.indicators) {
      const input = form.elements.namedItem(ind.key) as HTMLInputElement | null;
      if (!input) continue;
      const message = calculation.errors[ind.key];
      const error = document.getElementById(`${input.id}-fout`);
      if (error) {
        error.hidden = !message;
        error.textContent = message ?? '';
      }
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    return calculation;
  };

  const update = () => {
    const result = outcome(model, read());
    if (result.kind === 'hint') {
      out.replaceChildren(p(result.text));
      return;
    }
    const heading = document.createElement('p');
    heading.className = 'calc-verdict';
    const strong = document.createElement('strong');
    strong.dataset['segment'] = result.segment;
    strong.textContent = result.titel;
    heading.append('Voorstel: ', strong);
    const why = document.createElement('ul');
    why.className = 'calc-reasons';
    why.append(...result.reasons.map(li));
    const link = document.createElement('a');
    link.href = model.playbookUrls[result.playbook] ?? '#';
    link.textContent = result.linkText;
    out.replaceChildren(heading, why, p(link));
  };

  form.addEventListener('input', update);
  form.addEventListener('reset', () => window.setTimeout(update));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
    out.focus();
  });
  update();
}

function p(content: string | Node): HTMLParagraphElement {
  const el = document.createElement('p');
  el.append(content);
  return el;
}

function li(text: string): HTMLLIElement {
  const el = document.createElement('li');
  el.textContent = text;
  return el;
}
