/** The one way the site hands a file made in the browser to the user: a download, nothing sent anywhere. */

/**
 * Saves `blob` as `name` through a temporary object URL. The URL is revoked once the download has
 * started, unless `keep` (a page that offers the same file again through a link); it is returned.
 */
export function saveFile(blob: Blob, name: string, { keep = false }: { keep?: boolean } = {}): string {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  if (!keep) window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return url;
}
