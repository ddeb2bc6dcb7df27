/** The segmentation calculator island: indicators in, suggested segment and the reasons out. */
import { readJsonScript } from '../lib/json-script.ts';
import { parseIndicatorValue, suggest, type CalcModel, type Reason } from '../lib/segment-calculator.ts';

const root = document.querySelector<HTMLElement>('[data-calculator]');
if (root) init(root);

function init(root: HTMLElement): void {
  const model = readJsonScript<CalcModel & { playbookUrls: Record<string, string> }>('tj-calculator-data');
  const form = root.querySelector<HTMLFormElement>('form')!;
  const out = root.querySelector<HTMLElement>('[data-result]')!;

  const read = () => {
    const values: Record<string, number | undefined> = {};
    let invalid = false;
    for (const ind of model.indicators) {
      const input = form.elements.namedItem(ind.key) as HTMLInputElement | null;
      if (!input) continue;
      const value = parseIndicatorValue(input.value);
      const error = document.getElementById(`${input.id}-fout`);
      const bad = value !== undefined && Number.isNaN(value);
      if (error) {
        error.hidden = !bad;
        error.textContent = bad ? 'Vul een getal in, bijvoorbeeld 12 of 0,5.' : '';
      }
      if (bad) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      invalid ||= bad;
      values[ind.key] = bad ? undefined : value;
    }
    return { values, invalid };
  };

  const update = () => {
    const { values } = read();
    const result = suggest(model, values);
    out.replaceChildren();
    if (!result) {
      out.append(p('Vul minstens één indicator in om een voorstel te krijgen.'));
      return;
    }
    const heading = document.createElement('p');
    heading.className = 'calc-verdict';
    heading.append('Voorstel: ');
    const strong = document.createElement('strong');
    strong.dataset['segment'] = result.segment;
    strong.textContent = result.titel;
    heading.append(strong);
    out.append(heading);

    const why = document.createElement('ul');
    why.className = 'calc-reasons';
    for (const reason of result.reasons) why.append(li(reasonText(reason, model, result.segment)));
    if (result.segment === 'standaard' && !result.reasons.some((r) => r.segment === 'vip')) {
      why.prepend(li('Geen enkel alarmsignaal van een slechte betaler.'));
    }
    if (result.missingForVip.length) {
      why.append(li(`Voor VIP moet ook dit bekend zijn: ${result.missingForVip.map((i) => i.label.toLowerCase()).join('; ')}.`));
    }
    out.append(why);

    const link = document.createElement('a');
    link.href = model.playbookUrls[result.playbook] ?? '#';
    link.textContent = `Bekijk het draaiboek voor ${result.titel.toLowerCase()}`;
    out.append(p(link));
  };

  form.addEventListener('input', update);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update();
    out.focus();
  });
  update();
}

function reasonText(reason: Reason, model: CalcModel, chosen: string): string {
  const value = reason.value === undefined ? 'niet ingevuld' : `${String(reason.value).replace('.', ',')}${reason.unit === 'procent' ? ' %' : reason.unit ? ` ${reason.unit}` : ''}`;
  const of = model.segments.find((s) => s.id === reason.segment)?.titel.toLowerCase() ?? reason.segment;
  if (reason.segment !== chosen) return `${reason.label}: ${value}. Dat haalt de drempel voor ${of} niet (${reason.drempel}).`;
  return `${reason.label}: ${value}. Drempel voor ${of}: ${reason.drempel}.`;
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
