/**
 * "Was this helpful?" under the offer and inside each service, as GOV.UK asks it: "Yes" sends at
 * once; "No" and "Tell us what is missing or wrong" open a short, optional text box. Nothing
 * personal is asked for, and the box says not to include any.
 *
 * A small element of its own so each question keeps its own state. It renders into its parent's
 * shadow root (no shadow root of its own), so the offer's styles and theme apply to it.
 */
import { html, LitElement, nothing } from 'lit';
import { sendFeedback } from './api/client';
import { moveFocus } from './focus';
import type { Strings } from './strings';

type Stage = 'ask' | 'write' | 'sending' | 'sent' | 'failed';
let instances = 0;

export class KinshipOfferFeedback extends LitElement {
  static override properties = { _stage: { state: true } };

  /** Set by the offer: where to send, what about, and its words. */
  endpoint!: URL;
  offer = '';
  service?: string;
  t!: Strings;
  /** Told when the answer has been taken (the offer counts it, see reach.ts). */
  onSent?: () => void;
  /** When the reader was shown what they are answering about (the CMS refuses answers made in under 2 s). */
  shownAt = Date.now();

  private _stage: Stage = 'ask';
  private _helpful?: boolean;
  private _id = `kinship-feedback-${++instances}`;

  protected override createRenderRoot() {
    return this;
  }

  override render() {
    const t = this.t;
    if (this._stage === 'sent') return html`<p class="feedback" role="status">${t.feedbackThanks}</p>`;
    // While "Yes" is sent, and if it fails, the same buttons stay, so focus stays where it was.
    return html`<div class="feedback no-print">
      ${this._stage === 'ask' || this._helpful === true
        ? html`<p><span class="question">${t.feedbackQuestion}</span>
            <button type="button" class="secondary" @click=${() => this._answer(true)}>${t.yes}</button>
            <button type="button" class="secondary" @click=${() => this._answer(false)}>${t.no}</button>
            <button type="button" class="link" @click=${() => this._answer(undefined)}>${t.feedbackOpen}</button></p>`
        : html`<label for=${this._id}>${t.feedbackLabel}</label>
            <p class="hint" id=${`${this._id}-hint`}>${t.feedbackHint}</p>
            <textarea id=${this._id} maxlength="1000" rows="3" aria-describedby=${`${this._id}-hint`}></textarea>
            <button type="button" aria-disabled=${this._stage === 'sending'} @click=${this._send}>${t.feedbackSend}</button>`}
      ${this._stage === 'failed' ? html`<p class="alert" role="alert">${t.feedbackFailed}</p>` : nothing}
    </div>`;
  }

  private _answer(helpful: boolean | undefined) {
    this._helpful = helpful;
    if (helpful) void this._send();
    else {
      this._stage = 'write';
      this.updateComplete.then(() => this.querySelector('textarea')?.focus());
    }
  }

  /** Not disabled while sending (a disabled button loses focus): a second press is ignored instead. */
  private _send = async () => {
    if (this._stage === 'sending') return;
    const message = this.querySelector('textarea')?.value.trim() || undefined;
    if (this._helpful === undefined && !message) return this.querySelector('textarea')?.focus();
    this._stage = 'sending';
    const sent = await sendFeedback(this.endpoint, {
      offer: this.offer,
      service: this.service,
      helpful: this._helpful,
      message,
      startedAt: this.shownAt,
    });
    this._stage = sent ? 'sent' : 'failed';
    if (sent) this.onSent?.();
    // The question and its buttons give way to the thanks: the reader lands on it.
    if (sent) this.updateComplete.then(() => moveFocus(this.querySelector('p')));
  };
}

if (!customElements.get('kinship-offer-feedback')) customElements.define('kinship-offer-feedback', KinshipOfferFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'kinship-offer-feedback': KinshipOfferFeedback;
  }
}
