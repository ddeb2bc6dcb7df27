/** Filters the template index by segment, kind and tone; without JavaScript every template shows. */
const root = document.querySelector<HTMLElement>('[data-template-filter]');
if (root) {
  const form = root.querySelector<HTMLFormElement>('form')!;
  const items = [...document.querySelectorAll<HTMLElement>('[data-template-item]')];
  const groups = [...document.querySelectorAll<HTMLElement>('[data-template-group]')];
  const count = root.querySelector<HTMLElement>('[data-count]')!;
  const empty = root.querySelector<HTMLElement>('[data-empty]')!;
  form.hidden = false;

  const apply = () => {
    const wanted = Object.fromEntries(['segment', 'soort', 'toon'].map((name) => [name, (form.elements.namedItem(name) as HTMLSelectElement).value]));
    let shown = 0;
    for (const item of items) {
      const match = Object.entries(wanted).every(([key, value]) => !value || (item.dataset[key] ?? '').split(' ').includes(value));
      item.hidden = !match;
      if (match) shown++;
    }
    for (const group of groups) group.hidden = !group.querySelector('[data-template-item]:not([hidden])');
    count.textContent = shown === 1 ? '1 sjabloon' : `${shown} sjablonen`;
    empty.hidden = shown > 0;
  };
  form.addEventListener('change', apply);
  form.addEventListener('reset', () => window.setTimeout(apply));
  form.addEventListener('submit', (event) => event.preventDefault());
  empty.querySelector('[data-show-all]')!.addEventListener('click', () => {
    form.reset();
    apply();
    (form.elements.namedItem('segment') as HTMLSelectElement).focus();
  });
  apply();
}
