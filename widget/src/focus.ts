/**
 * When a control a reader used disappears or is replaced (a button that clears, retries or sends),
 * focus goes to what took its place instead of falling to the top of the host page (WCAG 2.4.3);
 * a screen reader reads the new place out.
 */
export function moveFocus(target: HTMLElement | null | undefined) {
  if (!target) return;
  if (!target.matches('a[href],button,input,textarea,summary')) target.tabIndex = -1;
  target.focus();
}
