/**
 * `/` moves focus to the search box, as on GitHub and most documentation sites, unless the reader
 * is typing somewhere. The search page's own box wins over the header's.
 */
export function installSearchShortcut(): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (event.target instanceof Element && event.target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) return;
    const box = document.querySelector<HTMLInputElement>('main [data-search-shortcut]') ?? document.querySelector<HTMLInputElement>('[data-search-shortcut]');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
}
