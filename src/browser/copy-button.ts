/**
 * `<copy-button data-target="id" data-label="Copy ...">`: copies the text of the element with
 * that id to the clipboard and says so. Empty and hidden in the page until this script makes its
 * button and status, since it cannot work without it.
 */
export class CopyButtonElement extends HTMLElement {
  connectedCallback(): void {
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: this.dataset.label ?? 'Copy' });
    const status = Object.assign(document.createElement('span'), { className: 'copy-status' });
    status.setAttribute('role', 'status');
    this.replaceChildren(button, status);
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
