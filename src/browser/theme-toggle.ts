/**
 * `<theme-toggle>`: switches between light and dark and remembers the choice. The page starts
 * in the system's scheme, or in the remembered one (an inline script in <head> applies it
 * before first paint, so there is no flash). The button names the theme it switches to. The
 * element is empty and hidden in the page, since it cannot work without this script, which
 * makes its button: every page of an archive would otherwise carry one for nothing.
 */
export class ThemeToggleElement extends HTMLElement {
  connectedCallback(): void {
    const icon = document.createElement('span');
    icon.setAttribute('aria-hidden', 'true');
    icon.dataset.themeIcon = '';
    const label = document.createElement('span');
    label.dataset.themeLabel = '';
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'theme-toggle' });
    button.append(icon, ' ', label);
    this.replaceChildren(button);
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
