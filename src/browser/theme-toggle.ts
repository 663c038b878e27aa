/**
 * `<theme-toggle>`: switches between light and dark and remembers the choice. The page starts
 * in the system's scheme, or in the remembered one (an inline script in <head> applies it
 * before first paint, so there is no flash). The button names the theme it switches to.
 */
export class ThemeToggleElement extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button')!;
    const label = this.querySelector('[data-theme-label]')!;
    const icon = this.querySelector('[data-theme-icon]')!;
    const render = () => {
      const dark = this.#current() === 'dark';
      label.textContent = dark ? 'Light theme' : 'Dark theme';
      icon.textContent = dark ? '\u2600' : '\u263E';
    };
    button.addEventListener('click', () => {
      const next = this.#current() === 'dark' ? 'light' : 'dark';
      document.documentElement.dataset.theme = next;
      try {
        localStorage.setItem('theme', next);
      } catch {
        // Private browsing may refuse storage; the switch still works for this page.
      }
      render();
    });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', render);
    render();
    this.hidden = false;
  }

  #current(): 'light' | 'dark' {
    const chosen = document.documentElement.dataset.theme;
    if (chosen === 'light' || chosen === 'dark') return chosen;
    return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
}
