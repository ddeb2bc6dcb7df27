/** Slot runs: what fill()'s placeholder hook returns when a value is to be filled in later. */
import type { Run, Slot } from './types.ts';

/** A placeholder as a typed slot run, never as marker text that could collide with content. */
export function slotRun(ref: { path: string; helper?: Slot['helper']; strong?: boolean }): Run {
  const slot: Slot = ref.helper ? { path: ref.path, helper: ref.helper } : { path: ref.path };
  return ref.strong ? { text: '', strong: true, slot } : { text: '', slot };
}
