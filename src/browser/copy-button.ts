/**
 * `<copy-button data-target="id">`: copies the text of the element with that id to the
 * clipboard and says so. Hidden until this script runs, since it cannot work without it.
 */
export class CopyButtonElement extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button')!;
    const status = this.querySelector('.copy-status')!;
    button.addEventListener('click', async () => {
      const text = document.getElementById(this.dataset.target ?? '')?.textContent ?? '';
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = 'Copied.';
      } catch {
        status.textContent = 'Could not copy; select the text instead.';
      }
      setTimeout(() => (status.textContent = ''), 4000);
    });
    this.hidden = false;
  }
}
