/**
 * The share link: the plan lives in the URL fragment (`#plan=…`, never sent to a server), so a
 * reload or a shared link shows the same plan. The encoder (share.ts: fflate, its dictionary and
 * zod) loads after the first paint, or before it when the page opens with a link.
 */
import type { Plan } from '../../timeline/plan.ts';
import { sharedState } from '../lib/timeline-start.ts';
import { SHARE_PREFIX } from '../lib/timeline-types.ts';

type ShareModule = typeof import('../../timeline/share.ts');
let loading: Promise<ShareModule> | undefined;
export const loadShare = (): Promise<ShareModule> => (loading ??= import('../../timeline/share.ts'));

export const shareUrl = (share: ShareModule, plan: Plan) => `${location.origin}${location.pathname}${SHARE_PREFIX}${share.encodeState(plan)}`;

export interface ShareHooks {
  plan: () => Plan;
  /** A pasted link: replace the plan (one undo step). */
  open: (plan: Plan) => void;
  /** A pasted link that cannot be read. */
  fail: (message: string) => void;
  say: (message: string) => void;
}

export class ShareLink {
  /** False while the page shows a link it could not open: the address bar keeps it until the first change. */
  writeHash: boolean;
  private share: ShareModule | null = null;
  private readonly input: HTMLInputElement;
  private readonly hooks: ShareHooks;

  constructor(input: HTMLInputElement, writeHash: boolean, hooks: ShareHooks) {
    this.input = input;
    this.writeHash = writeHash;
    this.hooks = hooks;
    window.addEventListener('hashchange', () => void this.onHashChange());
  }

  /** The link of the current plan (loads the encoder on first use). */
  async url(): Promise<string> {
    this.share ??= await loadShare();
    return shareUrl(this.share, this.hooks.plan());
  }

  /** Shows the current plan's link and puts it in the address bar; at once when the encoder is there. */
  update(): void {
    if (this.share) return this.show(this.share);
    void loadShare()
      .then((share) => this.show((this.share = share)))
      .catch(() => undefined);
  }

  async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(await this.url());
      this.hooks.say('De link staat op het klembord. Wie hem opent, ziet deze planning.');
    } catch {
      this.input.focus();
      this.input.select();
      this.hooks.say('Kopiëren lukte niet in deze browser. De link is geselecteerd: kopieer hem met Ctrl+C.');
    }
  }

  private show(share: ShareModule): void {
    const url = shareUrl(share, this.hooks.plan());
    this.input.value = url;
    if (this.writeHash && location.href !== url) history.replaceState(null, '', url);
  }

  // A pasted share link in the same tab changes only the fragment: load it. Other fragments (the
  // skip link, a link to a row) get the plan's fragment back, so the address bar keeps the plan.
  private async onHashChange(): Promise<void> {
    const state = sharedState(location.hash);
    const share = (this.share ??= await loadShare());
    if (state === null) {
      if (this.writeHash) history.replaceState(null, '', shareUrl(share, this.hooks.plan()));
      return;
    }
    if (state === share.encodeState(this.hooks.plan())) return;
    const decoded = share.decodeState(state);
    if (decoded instanceof Error) this.hooks.fail(`Deze link kon niet geopend worden. ${decoded.message}`);
    else this.hooks.open(decoded);
  }
}
