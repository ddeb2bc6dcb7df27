// @ts-check
/**
 * In the browser bundle, src/legal/calendar.ts gets a small stand-in for `date-holidays`: the public
 * holidays of Belgium and the Netherlands for 1900–2199 (the range calendar.ts accepts), computed at
 * build time by the real package with the options calendar.ts uses. The real package brings every
 * country's rules plus moment-timezone and astronomia, about 1.4 MB of minified JavaScript; the table
 * is a few kilobytes. Same answers by construction (and tests/unit/timeline-holidays.test.ts checks
 * every year). Any other use of the stand-in throws rather than answer wrongly.
 */
import Holidays from 'date-holidays';

const COUNTRIES = ['BE', 'NL'];
const FROM = 1900;
const TO = 2199;
/** @type {import('date-holidays').HolidaysTypes.Options} */
const OPTIONS = { types: ['public'], languages: ['nl'] };

/**
 * Per country: the holiday names and, per year, "MMDD" + the name's index (base 36) for each
 * holiday, in the order date-holidays lists them.
 * @returns {Record<string, { from: number, names: string[], years: string[] }>}
 */
export function holidayTable() {
  /** @type {Record<string, { from: number, names: string[], years: string[] }>} */
  const table = {};
  for (const country of COUNTRIES) {
    const hd = new Holidays(country, OPTIONS);
    /** @type {string[]} */
    const names = [];
    /** @type {string[]} */
    const years = [];
    for (let year = FROM; year <= TO; year++) {
      let row = '';
      for (const h of hd.getHolidays(year, 'nl')) {
        if (h.type !== 'public' || !h.date.startsWith(`${year}-`) || !h.date.endsWith(' 00:00:00')) throw new Error(`unexpected holiday ${country} ${h.date} ${h.type}`);
        let index = names.indexOf(h.name);
        if (index < 0) index = names.push(h.name) - 1;
        if (index >= 36) throw new Error('too many holiday names for one base-36 digit');
        row += h.date.slice(5, 7) + h.date.slice(8, 10) + index.toString(36);
      }
      years.push(row);
    }
    table[country] = { from: FROM, names, years };
  }
  return table;
}

/** The module that replaces `date-holidays` in the browser. */
export function holidayModuleSource() {
  return `const DATA = ${JSON.stringify(holidayTable())};
export default class Holidays {
  constructor(country, options) {
    this.data = DATA[String(country).toUpperCase()];
    const o = options || {};
    if (!this.data || String(o.types) !== 'public' || String(o.languages) !== 'nl') throw new Error('Tijdig: deze feestdagentabel kent alleen de wettelijke feestdagen van België en Nederland, in het Nederlands.');
  }
  getHolidays(year, lang) {
    const row = this.data.years[year - this.data.from];
    if (row === undefined || (lang !== undefined && lang !== 'nl')) throw new RangeError('Tijdig: geen feestdagen bekend voor ' + year + '.');
    const out = [];
    for (let i = 0; i < row.length; i += 5) {
      const date = year + '-' + row.slice(i, i + 2) + '-' + row.slice(i + 2, i + 4);
      out.push({ date: date + ' 00:00:00', name: this.data.names[parseInt(row[i + 4], 36)], type: 'public' });
    }
    return out;
  }
}
`;
}

/**
 * Vite plugin (client bundle only): `date-holidays` imported by src/legal/calendar.ts becomes the
 * table above. Build-time code and tests keep the real package.
 * @returns {import('vite').Plugin}
 */
export function browserHolidays() {
  const id = '\0tijdig-browser-holidays';
  return {
    name: 'tijdig-browser-holidays',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.name === 'client',
    resolveId(source, importer) {
      if (source === 'date-holidays' && importer?.split('\\').join('/').endsWith('/src/legal/calendar.ts')) return id;
      return null;
    },
    load(source) {
      return source === id ? holidayModuleSource() : null;
    },
  };
}
